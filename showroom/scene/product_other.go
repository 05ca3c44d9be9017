//go:build !(js && wasm)

package scene

// ProductView is the native twin of the browser's 3D product view: the
// server prerenders pages without 3D, so it does nothing.
type ProductView struct{}

// NewProductView returns ErrNoWebGL2: there is no WebGL off the browser.
func NewProductView(canvasID, modelURL string, hotspots [][3]float64, opts ProductOptions) (*ProductView, error) {
	return nil, ErrNoWebGL2
}

// ResetView does nothing.
func (p *ProductView) ResetView() {}

// Zoom does nothing.
func (p *ProductView) Zoom(in bool) {}

// Dispose does nothing.
func (p *ProductView) Dispose() {}
