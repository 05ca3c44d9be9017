package content

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// markdown converts articles. Raw HTML in the source is left out by goldmark
// (we never enable html.WithUnsafe), and the result still goes through the
// sanitiser: content folders are edited by people, and a reload must not be
// able to put a script on the page.
var markdown = goldmark.New(goldmark.WithExtensions(
	extension.Table,
	extension.Strikethrough,
	extension.Linkify, // support@… and https://… become links
	extension.CJK,     // no stray spaces where a Chinese line wraps in the source
))

// policy is bluemonday's policy for user-generated content: no scripts,
// styles, iframes, forms or event attributes; links and images only to
// http, https and mailto URLs or relative ones. Links that leave the site
// get rel="nofollow noopener" and target="_blank", so an article never
// lends the store's ranking to another site, nor hands it the store's tab.
// Links within the store (relative ones) stay plain: nofollow there would
// only hide our own help pages from search engines.
var policy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.RequireNoFollowOnLinks(false)
	p.RequireNoFollowOnFullyQualifiedLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	return p
})

// Render converts Markdown to HTML that is safe to insert into a page as is.
func Render(src string) (string, error) {
	var buf bytes.Buffer
	if err := markdown.Convert([]byte(src), &buf); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return policy().Sanitize(buf.String()), nil
}
