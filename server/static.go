package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
)

// precompressed is a file kept in memory with its encodings made ahead of
// time (br and gz are nil where there is none), so that no request
// compresses it again: the wasm, compressed at build time, and the
// showroom's baked GLBs, compressed when baked.
type precompressed struct {
	raw, br, gz []byte
}

// serve answers r with the smallest encoding the client accepts (brotli,
// then gzip, then raw), always with Vary so caches keep the encodings
// apart. tag names the file's content; each encoding gets a strong ETag of
// its own made from it, and a request that already holds that encoding
// (If-None-Match) gets 304.
func (p *precompressed) serve(w http.ResponseWriter, r *http.Request, contentType, tag, cacheControl string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", cacheControl)
	body, encoding, etag := p.raw, "", `"`+tag+`"`
	accept := r.Header.Get("Accept-Encoding")
	switch {
	case p.br != nil && acceptsEncoding(accept, "br"):
		body, encoding, etag = p.br, "br", `"`+tag+`-br"`
	case p.gz != nil && acceptsEncoding(accept, "gzip"):
		body, encoding, etag = p.gz, "gzip", `"`+tag+`-gz"`
	}
	h.Set("ETag", etag)
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if encoding != "" {
		h.Set("Content-Encoding", encoding)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// etagMatches reports whether an If-None-Match header names etag (weakly,
// as If-None-Match compares) or is "*".
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

// wasmFile serves app.wasm as the build precompressed it. The browser
// revalidates it on every start (no-cache), and the ETag spares the
// download when it has not changed.
type wasmFile struct {
	precompressed
	version string
}

func loadWasm(dist fs.FS) (*wasmFile, error) {
	raw, err := fs.ReadFile(dist, "app.wasm")
	if err != nil {
		return nil, fmt.Errorf("app.wasm is missing from the build (run `make build`): %w", err)
	}
	w := &wasmFile{precompressed: precompressed{raw: raw}}
	if b, err := fs.ReadFile(dist, "app.wasm.br"); err == nil {
		w.br = b
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if b, err := fs.ReadFile(dist, "app.wasm.gz"); err == nil {
		w.gz = b
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	w.version = hex.EncodeToString(sum[:8])
	return w, nil
}

func (f *wasmFile) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.serve(w, r, "application/wasm", f.version, "no-cache")
}

// acceptsEncoding reports whether an Accept-Encoding value allows enc (and
// does not refuse it with q=0).
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(name) != enc {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
