//go:build js && wasm

package scene

import (
	"syscall/js"

	"vitrine/showroom/catalog"
)

// ConfigPreview shows a configurable product in 3D in a page's canvas and
// follows the configuration: each Show changes only the parts that
// changed. Pages use it (not Viewer) because its API has no g3n or
// syscall/js types, so it has a native twin for the server's prerender.
type ConfigPreview struct {
	viewer  *Viewer
	stage   *Stage
	orbit   *Orbit
	product string
	fitted  bool
}

// NewConfigPreview starts a preview of product in the canvas with id
// canvasID. It returns ErrNoWebGL2 when the browser cannot render 3D.
func NewConfigPreview(canvasID, product string, opts PreviewOptions) (*ConfigPreview, error) {
	canvas := js.Global().Get("document").Call("getElementById", canvasID)
	orbit := NewOrbit()
	p := &ConfigPreview{stage: NewStage(), orbit: orbit, product: product}
	v, err := NewViewer(canvas, Options{Controller: orbit, OnFrame: opts.OnFrame, OnLost: func(string) {
		if opts.OnLost != nil {
			opts.OnLost()
		}
	}})
	if err != nil {
		return nil, err
	}
	p.viewer = v
	v.SetScene(p.stage.Root())
	return p, nil
}

// Show shows the model of a configuration, given by its model hints
// (catalog.Configurator.Models). The camera frames the first model; later
// it steps back only if the model grew out of view, so it never jumps
// while the customer looks around.
func (p *ConfigPreview) Show(hints []catalog.ConfigModel) {
	if p == nil || p.viewer == nil || p.viewer.Stopped() {
		return
	}
	m := ConfiguredModel(p.product, hints)
	p.stage.Show(m)
	b := m.Bounds(FloorPart)
	if !p.fitted {
		p.orbit.Fit(b, p.viewer.Aspect())
		p.fitted = true
	} else if d := p.orbit.FitDistance(b, p.viewer.Aspect()); d > p.orbit.Distance {
		p.orbit.MaxDistance = max(p.orbit.MaxDistance, d*3)
		p.orbit.Distance = d
	}
	p.viewer.Invalidate()
}

// ResetView returns the camera to where it framed the model.
func (p *ConfigPreview) ResetView() {
	if p == nil || p.viewer == nil {
		return
	}
	p.orbit.Reset()
	p.viewer.Invalidate()
}

// Dispose stops the preview and frees its GPU resources.
func (p *ConfigPreview) Dispose() {
	if p == nil || p.viewer == nil {
		return
	}
	// The stage first: it takes its meshes off the viewer's scene, so the
	// viewer does not dispose them a second time.
	p.stage.Dispose()
	p.viewer.Dispose()
	p.viewer = nil
}
