package help

import (
	"strings"

	"vitrine/showroom/catalog"
)

// Root is the path of the help center's home; every level below it has its
// own path so that any category, section or article can be linked to.
const Root = "/help"

// CategoryPath returns the path of a category's page.
func CategoryPath(category string) string { return Root + "/" + category }

// SectionPath returns the path of a section's page.
func SectionPath(category, section string) string {
	return CategoryPath(category) + "/" + section
}

// ArticlePath returns the path of an article's page. The path repeats the
// category and section so that the breadcrumbs can be read off the URL.
func ArticlePath(category, section, id string) string {
	return SectionPath(category, section) + "/" + id
}

// Place is where a reader is in the help tree. Empty fields mean a higher
// level: a Place with only Category is the category's page.
type Place struct {
	Category  string `json:"category,omitempty"`
	Section   string `json:"section,omitempty"`
	ArticleID string `json:"articleId,omitempty"`
	// ArticleTitle labels the last crumb of an article page; the tree does
	// not hold titles of articles, only the library does.
	ArticleTitle string `json:"articleTitle,omitempty"`
}

// ParsePath returns the place a help path points to, and false if the path
// is not under Root or has more levels than the tree. It does not check that
// the place exists: Breadcrumbs does.
func ParsePath(path string) (Place, bool) {
	path = strings.TrimSuffix(path, "/")
	if path == Root {
		return Place{}, true
	}
	rest, ok := strings.CutPrefix(path, Root+"/")
	if !ok {
		return Place{}, false
	}
	parts := strings.Split(rest, "/")
	for _, p := range parts {
		if !catalog.ValidSlug(p) {
			return Place{}, false
		}
	}
	switch len(parts) {
	case 1:
		return Place{Category: parts[0]}, true
	case 2:
		return Place{Category: parts[0], Section: parts[1]}, true
	case 3:
		return Place{Category: parts[0], Section: parts[1], ArticleID: parts[2]}, true
	default:
		return Place{}, false
	}
}

// Crumb is one link of a breadcrumb trail.
type Crumb struct {
	// Label is the text in the reader's language. Key is set instead for the
	// root crumb, whose label is UI text ("Help center") the UI translates;
	// Label then holds the English text.
	Label string `json:"label"`
	Key   string `json:"key,omitempty"`
	Path  string `json:"path"`
	// Current marks the last crumb, the page the reader is on, which the UI
	// shows as text with aria-current rather than as a link.
	Current bool `json:"current,omitempty"`
}

// Breadcrumbs returns the trail from the help center's home to p, with
// labels in locale (falling back to English). Returns ENOTFOUND if p names a
// category, section or article that is not in t, or a section without its
// category, or an article without its section.
func Breadcrumbs(t Tree, locale string, p Place) ([]Crumb, error) {
	crumbs := []Crumb{{Label: "Help center", Key: "help.crumb.root", Path: Root}}
	if p.Category == "" {
		if p.Section != "" || p.ArticleID != "" {
			return nil, catalog.Errorf(catalog.ENOTFOUND, "help place %+v has no category", p)
		}
		crumbs[0].Current = true
		return crumbs, nil
	}
	c, ok := t.Category(p.Category)
	if !ok {
		return nil, catalog.Errorf(catalog.ENOTFOUND, "help category %s not found", p.Category)
	}
	crumbs = append(crumbs, Crumb{Label: c.Title.In(locale), Path: CategoryPath(c.Slug)})
	if p.Section == "" {
		if p.ArticleID != "" {
			return nil, catalog.Errorf(catalog.ENOTFOUND, "help place %+v has no section", p)
		}
		crumbs[len(crumbs)-1].Current = true
		return crumbs, nil
	}
	s, ok := t.Section(p.Category, p.Section)
	if !ok {
		return nil, catalog.Errorf(catalog.ENOTFOUND, "help section %s/%s not found", p.Category, p.Section)
	}
	crumbs = append(crumbs, Crumb{Label: s.Title.In(locale), Path: SectionPath(c.Slug, s.Slug)})
	if p.ArticleID == "" {
		crumbs[len(crumbs)-1].Current = true
		return crumbs, nil
	}
	found := false
	for _, a := range s.Articles {
		found = found || a.ID == p.ArticleID
	}
	if !found {
		return nil, catalog.Errorf(catalog.ENOTFOUND, "help article %s not found in %s/%s", p.ArticleID, p.Category, p.Section)
	}
	label := p.ArticleTitle
	if label == "" {
		label = p.ArticleID
	}
	crumbs = append(crumbs, Crumb{Label: label, Path: ArticlePath(c.Slug, s.Slug, p.ArticleID), Current: true})
	return crumbs, nil
}
