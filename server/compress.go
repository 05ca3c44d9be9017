package server

import (
	"net/http"
	"strings"

	"github.com/klauspost/compress/gzhttp"
)

// compressResponses compresses what is worth compressing (gzip or zstd, as
// the client accepts) with klauspost/compress's gzhttp: the API's JSON
// (the showroom's is 111 KB), the pages, styles and the generated models,
// which a phone otherwise downloads whole on every visit. Responses that
// set their own Content-Encoding (the precompressed app.wasm, the baked
// hall) pass untouched, and so do formats that are compressed already.
// Each encoding gets its own ETag, so a cache never mixes them up.
func compressResponses(next http.Handler) (http.Handler, error) {
	wrap, err := gzhttp.NewWrapper(
		gzhttp.MinSize(1024),
		gzhttp.SuffixETag("-z"),
		gzhttp.ContentTypeFilter(worthCompressing),
	)
	if err != nil {
		return nil, err
	}
	return wrap(next), nil
}

// worthCompressing reports whether a response of content type ct shrinks
// when compressed: text and JSON do, photos and fonts already are.
func worthCompressing(ct string) bool {
	ct = strings.ToLower(strings.TrimSpace(ct))
	switch {
	case strings.HasPrefix(ct, "image/svg"):
		return true
	case strings.HasPrefix(ct, "image/"), strings.HasPrefix(ct, "font/woff"),
		strings.HasPrefix(ct, "application/wasm"):
		return false
	}
	return gzhttp.DefaultContentTypeFilter(ct)
}
