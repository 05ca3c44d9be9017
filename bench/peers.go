package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// pages are the peers' pages (model-viewer.html, three.html).
//
//go:embed peer
var pages embed.FS

// peerServer is the small static server the peers are served from, on a
// loopback port of its own: their pages, bench/node_modules (the pinned
// npm packages), and copies of Vitrine's files they draw (the product's
// GLB, the hall's showroom response, shell and stands), so that no page
// makes a cross-origin request.
type peerServer struct {
	srv   *http.Server
	ln    net.Listener
	files map[string][]byte
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

	mux := http.NewServeMux()
	sub, err := fs.Sub(pages, "peer")
	if err != nil {
		return nil, err
	}
	mux.Handle("/", http.FileServerFS(sub))
	mux.Handle("/node_modules/", http.StripPrefix("/node_modules/", http.FileServer(http.Dir(modules))))
	for path, b := range p.files {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			http.ServeContent(w, r, path, time.Time{}, bytes.NewReader(b))
		})
	}
	if p.ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		return nil, err
	}
	p.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go p.srv.Serve(p.ln)
	return p, nil
}

func (p *peerServer) addr() string { return p.ln.Addr().String() }

func (p *peerServer) close() { p.srv.Close() }
