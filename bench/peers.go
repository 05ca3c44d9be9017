package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// pages are the peers' pages (model-viewer.html, three.html).
//
//go:embed peer
var pages embed.FS

// peerServer is the small static server the peers are served from, on a
// loopback port of its own: their pages, bench/node_modules (the pinned
// npm packages), and copies of Vitrine's files they draw (the product's
// GLB, the hall's showroom response, shell and stands), so that no page
// makes a cross-origin request. It compresses as a good static host would.
type peerServer struct {
	srv     *http.Server
	ln      net.Listener
	files   map[string][]byte // copies of Vitrine's files, by URL path
	pages   fs.FS
	modules string

	mu    sync.Mutex
	cache map[string]*peerFile
}

// hallResponse is the part of GET /api/v1/showroom the peers need.
type hallResponse struct {
	Layout struct {
		Start json.RawMessage `json:"start"`
	} `json:"layout"`
	Shell       string   `json:"shell"`
	StandModels []string `json:"standModels"`
}

// startPeers copies the product model at modelPath and the hall from the
// running Vitrine at base, and serves them beside the peers' pages.
func startPeers(ctx context.Context, base, modelPath, modules string) (*peerServer, error) {
	if _, err := os.Stat(filepath.Join(modules, "three", "build", "three.module.js")); err != nil {
		return nil, fmt.Errorf("the peers are not installed in %s (run bash bench/install.sh): %w", modules, err)
	}
	p := &peerServer{files: map[string][]byte{}}
	get := func(path string) ([]byte, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
		if err != nil {
			return nil, err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("GET %s: %s", path, resp.Status)
		}
		return io.ReadAll(resp.Body)
	}
	model, err := get(modelPath)
	if err != nil {
		return nil, err
	}
	p.files["/models/model.glb"] = model
	raw, err := get("/api/v1/showroom")
	if err != nil {
		return nil, err
	}
	var hall map[string]any
	var sr hallResponse
	if err := json.Unmarshal(raw, &hall); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, &sr); err != nil {
		return nil, err
	}
	files := append([]string{sr.Shell}, sr.StandModels...)
	local := make([]string, len(files))
	for i, u := range files {
		b, err := get(u)
		if err != nil {
			return nil, err
		}
		local[i] = fmt.Sprintf("/hall/%d.glb", i)
		p.files[local[i]] = b
	}
	hall["shell"], hall["standModels"] = local[0], local[1:]
	if p.files["/hall/showroom.json"], err = json.Marshal(hall); err != nil {
		return nil, err
	}

	sub, err := fs.Sub(pages, "peer")
	if err != nil {
		return nil, err
	}
	p.pages, p.modules = sub, modules
	// What a first visit to the <model-viewer> page loads is compressed
	// now, so that no timed load waits for it.
	for _, path := range []string{"/model-viewer.html", "/node_modules/@google/model-viewer/dist/model-viewer.min.js", "/models/model.glb"} {
		if _, err := p.file(path); err != nil {
			return nil, err
		}
	}
	if p.ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		return nil, err
	}
	p.srv = &http.Server{Handler: http.HandlerFunc(p.serve), ReadHeaderTimeout: 10 * time.Second}
	go p.srv.Serve(p.ln)
	return p, nil
}

// peerFile is a file the peer server serves, with its brotli twin when
// that is smaller.
type peerFile struct {
	raw, br []byte
	typ     string
}

// file returns the file at the URL path, reading and compressing it on
// first use.
func (p *peerServer) file(path string) (*peerFile, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if f, ok := p.cache[path]; ok {
		return f, nil
	}
	var raw []byte
	var err error
	switch {
	case p.files[path] != nil:
		raw = p.files[path]
	case strings.HasPrefix(path, "/node_modules/"):
		rel := filepath.FromSlash(strings.TrimPrefix(path, "/node_modules/"))
		if !filepath.IsLocal(rel) {
			return nil, fs.ErrNotExist
		}
		raw, err = os.ReadFile(filepath.Join(p.modules, rel))
	default:
		raw, err = fs.ReadFile(p.pages, strings.TrimPrefix(path, "/"))
	}
	if err != nil {
		return nil, err
	}
	f := &peerFile{raw: raw, typ: mime.TypeByExtension(filepath.Ext(path))}
	if f.typ == "" {
		f.typ = http.DetectContentType(raw)
	}
	var b bytes.Buffer
	bw := brotli.NewWriterLevel(&b, brotli.BestCompression)
	bw.Write(raw)
	if err := bw.Close(); err != nil {
		return nil, err
	}
	if b.Len() < len(raw) {
		f.br = b.Bytes()
	}
	if p.cache == nil {
		p.cache = map[string]*peerFile{}
	}
	p.cache[path] = f
	return f, nil
}

// serve answers as a good static host or CDN would: brotli when the
// browser accepts it (as our server does for app.wasm), so that the
// peers' bytes on the wire are what a shop using them would send.
func (p *peerServer) serve(w http.ResponseWriter, r *http.Request) {
	f, err := p.file(r.URL.Path)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.typ)
	h.Set("Vary", "Accept-Encoding")
	body := f.raw
	if f.br != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
		body = f.br
		h.Set("Content-Encoding", "br")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

func (p *peerServer) addr() string { return p.ln.Addr().String() }

func (p *peerServer) close() { p.srv.Close() }
