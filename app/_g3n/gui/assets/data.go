// Package assets stands in for g3n's go-bindata archive of its GUI's fonts
// and cursors in Vitrine's browser build (see app/_g3n/prepare.sh). The
// archive is 2.7 MB of fonts, gzipped, so brotli cannot shrink them: they
// were 1.5 MB of the 3.8 MB every first visit downloaded, and g3n's gui
// package unpacked and parsed two of them at every start, for a GUI that
// Vitrine never shows (design.md: g3n's gui is not used). Every asset is
// missing here, so a use of g3n's GUI fails loudly rather than quietly.
package assets

import "fmt"

// Asset returns an error: no asset is in this build.
func Asset(name string) ([]byte, error) {
	return nil, fmt.Errorf("g3n asset %s is left out of Vitrine's wasm build (app/_g3n)", name)
}

// MustAsset panics: no asset is in this build.
func MustAsset(name string) []byte {
	b, err := Asset(name)
	if err != nil {
		panic(err)
	}
	return b
}
