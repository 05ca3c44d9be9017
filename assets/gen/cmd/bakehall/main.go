// Command bakehall bakes the demo store's showroom hall (the shell and one
// GLB per stand) into a folder, as the server would, so the baked files can
// be checked with the Khronos glTF validator (make test-models) and their
// sizes watched:
//
//	go run ./assets/gen/cmd/bakehall -out /tmp/hall
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/qmuntal/gltf"

	"vitrine/assets"
	"vitrine/assets/gen"
	"vitrine/server/demo"
)

func main() {
	out := flag.String("out", "", "folder that receives shell.glb and stand-<slug>.glb")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: bakehall -out DIR")
		os.Exit(2)
	}
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "bakehall:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	stands, err := demoStands(assets.Web())
	if err != nil {
		return err
	}
	h, err := gen.BakeHall(stands)
	if err != nil {
		return err
	}
	for _, p := range h.Problems {
		fmt.Fprintln(os.Stderr, "bakehall: warning:", p)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := map[string][]byte{"shell.glb": h.Shell}
	names := []string{"shell.glb"}
	for i, st := range h.Layout.Stands {
		name := "stand-" + st.Slug + ".glb"
		files[name] = h.Stands[i]
		names = append(names, name)
	}
	for _, name := range names {
		b := files[name]
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
		verts, err := vertices(b)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fmt.Printf("%-28s %8d bytes, %7d gzip, %6d vertices\n", name, len(b), gzipSize(b), verts)
	}
	return nil
}

// demoStands is the demo catalog's hall: one stand per category, with the
// products' committed models.
func demoStands(web fs.FS) ([]gen.HallStand, error) {
	var stands []gen.HallStand
	at := map[string]int{}
	for _, c := range demo.Categories() {
		at[c.Slug] = len(stands)
		stands = append(stands, gen.HallStand{Slug: c.Slug})
	}
	for _, p := range demo.Products() {
		b, err := fs.ReadFile(web, strings.TrimPrefix(p.Model, "/web/"))
		if err != nil {
			return nil, fmt.Errorf("model of %s: %w", p.Slug, err)
		}
		st := &stands[at[p.Category]]
		st.Products = append(st.Products, gen.HallProduct{Slug: p.Slug, Model: b})
	}
	return stands, nil
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func vertices(glb []byte) (int, error) {
	doc := new(gltf.Document)
	if err := gltf.NewDecoder(bytes.NewReader(glb)).Decode(doc); err != nil {
		return 0, err
	}
	n := 0
	for _, m := range doc.Meshes {
		for _, p := range m.Primitives {
			n += doc.Accessors[p.Attributes[gltf.POSITION]].Count
		}
	}
	return n, nil
}
