package search

import (
	"regexp"
	"strings"
)

// Markdown syntax removed by PlainText, so that snippets show what the
// reader sees on the article page and not "**" or "](/returns)".
var (
	mdImage     = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink      = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdRefLink   = regexp.MustCompile(`\[([^\]]*)\]\[[^\]]*\]`)
	mdRefDef    = regexp.MustCompile(`(?m)^\s*\[[^\]]+\]:\s*\S+.*$`)
	mdHeading   = regexp.MustCompile(`(?m)^\s{0,3}#{1,6}\s+`)
	mdListItem  = regexp.MustCompile(`(?m)^\s*(?:[-*+]|\d+[.)])\s+`)
	mdQuote     = regexp.MustCompile(`(?m)^\s*>\s?`)
	mdTableRule = regexp.MustCompile(`(?m)^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$`)
	mdEmphasis  = regexp.MustCompile("\\*\\*|__|\\*|`+|~~")
	mdHTMLTag   = regexp.MustCompile(`<[^>]+>`)
	spaces      = regexp.MustCompile(`[ \t]+`)
	blankLines  = regexp.MustCompile(`\n{2,}`)
)

// PlainText returns the text of a Markdown article without its syntax: link
// and image texts without their URLs, no emphasis marks, list bullets,
// heading marks, table rules or HTML tags. It is for indexing and snippets,
// not for display.
func PlainText(md string) string {
	s := mdRefDef.ReplaceAllString(md, "")
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdHTMLTag.ReplaceAllString(s, "")
	s = mdTableRule.ReplaceAllString(s, "")
	s = mdHeading.ReplaceAllString(s, "")
	s = mdListItem.ReplaceAllString(s, "")
	s = mdQuote.ReplaceAllString(s, "")
	s = mdEmphasis.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "|", " ")
	s = spaces.ReplaceAllString(s, " ")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	s = blankLines.ReplaceAllString(strings.Join(lines, "\n"), "\n")
	return strings.TrimSpace(s)
}
