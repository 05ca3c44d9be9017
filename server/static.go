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

// wasmFile serves app.wasm, precompressed at build time: brotli when the
// browser accepts it, else gzip, else raw, always with Vary so caches keep
// the encodings apart.
type wasmFile struct {
	raw, br, gz []byte
	version     string
}

func loadWasm(dist fs.FS) (*wasmFile, error) {
	raw, err := fs.ReadFile(dist, "app.wasm")
	if err != nil {
		return nil, fmt.Errorf("app.wasm is missing from the build (run `make build`): %w", err)
	}
	w := &wasmFile{raw: raw}
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
	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", `"`+f.version+`"`)
	if r.Header.Get("If-None-Match") == `"`+f.version+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := f.raw
	accept := r.Header.Get("Accept-Encoding")
	switch {
	case f.br != nil && acceptsEncoding(accept, "br"):
		h.Set("Content-Encoding", "br")
		body = f.br
	case f.gz != nil && acceptsEncoding(accept, "gzip"):
		h.Set("Content-Encoding", "gzip")
		body = f.gz
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
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
