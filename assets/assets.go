// Package assets holds the files the server serves under /web/: the style
// sheet, icons, and the generated 3D models and thumbnails of the demo
// products (see assets/gen). They are embedded, so bin/vitrine is one
// self-contained file.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed web
var web embed.FS

// Web returns the files served under /web/.
func Web() fs.FS {
	sub, err := fs.Sub(web, "web")
	if err != nil {
		panic(err) // the embedded tree always has web/
	}
	return sub
}
