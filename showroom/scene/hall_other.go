//go:build !(js && wasm)

package scene

// HallView is the native twin of the browser's 3D hall: the server
// prerenders the showroom without 3D, so it does nothing.
type HallView struct{}

// NewHallView returns ErrNoWebGL2: there is no WebGL off the browser.
func NewHallView(canvasID string, data HallData, opts HallOptions) (*HallView, error) {
	return nil, ErrNoWebGL2
}

// Focus does nothing.
func (h *HallView) Focus(i int) {}

// FlyTo does nothing.
func (h *HallView) FlyTo(stand, product string) {}

// Home does nothing.
func (h *HallView) Home() {}

// SetSigns does nothing.
func (h *HallView) SetSigns(names []string) {}

// Dispose does nothing.
func (h *HallView) Dispose() {}
