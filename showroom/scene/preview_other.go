//go:build !(js && wasm)

package scene

import "vitrine/showroom/catalog"

// ConfigPreview is the native twin of the browser's 3D configurator
// preview: the server prerenders pages without 3D, so it does nothing.
type ConfigPreview struct{}

// NewConfigPreview returns ErrNoWebGL2: there is no WebGL off the browser.
func NewConfigPreview(canvasID, product string, opts PreviewOptions) (*ConfigPreview, error) {
	return nil, ErrNoWebGL2
}

// Show does nothing.
func (p *ConfigPreview) Show(hints []catalog.ConfigModel) {}

// ResetView does nothing.
func (p *ConfigPreview) ResetView() {}

// Dispose does nothing.
func (p *ConfigPreview) Dispose() {}
