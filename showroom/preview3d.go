package showroom

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/assets/i18n"
	"vitrine/showroom/catalog"
	"vitrine/showroom/scene"
)

// previewCanvasID is the id of the configurator's canvas.
const previewCanvasID = "config-canvas"

// preview3D is the configurator's 3D view: a canvas the scene package
// renders into, following Hints. When the browser cannot render 3D, or the
// preview stops, it says so and the page's 2D summary carries on alone.
type preview3D struct {
	app.Compo

	// Product is the configured product; a new product is a new component
	// (CompoID), so a new canvas and WebGL context.
	Product string
	// Hints are the configuration's model hints.
	Hints []catalog.ConfigModel
	// Locale and Name make the canvas's accessible label.
	Locale string
	Name   string

	preview *scene.ConfigPreview
	failed  bool
}

// CompoID makes go-app replace, not update, the component when the product
// changes: a disposed canvas's WebGL context cannot be used again.
func (p *preview3D) CompoID() string { return "preview-" + p.Product }

func (p *preview3D) OnMount(ctx app.Context) {
	if app.IsServer {
		return
	}
	// After the canvas is in the DOM and laid out.
	ctx.Defer(func(ctx app.Context) { p.start(ctx) })
}

func (p *preview3D) start(ctx app.Context) {
	canvas := app.Window().GetElementByID(previewCanvasID)
	pv, err := scene.NewConfigPreview(previewCanvasID, p.Product, scene.PreviewOptions{
		// The canvas carries the last frame's numbers, for the browser
		// tests and the benchmark (they cost one attribute write a frame).
		OnFrame: func(s scene.FrameStats) {
			canvas.Call("setAttribute", "data-frame", strconv.Itoa(s.Frame))
			canvas.Call("setAttribute", "data-draws", strconv.Itoa(s.DrawCalls))
			canvas.Call("setAttribute", "data-go-us", strconv.FormatInt(s.GoTime.Microseconds(), 10))
		},
		OnLost: func() { ctx.Dispatch(func(ctx app.Context) { p.fail() }) },
	})
	if err != nil {
		ctx.Dispatch(func(ctx app.Context) { p.failed = true })
		return
	}
	p.preview = pv
	pv.Show(p.Hints)
}

func (p *preview3D) fail() {
	p.failed = true
	p.preview.Dispose()
	p.preview = nil
}

// OnUpdate follows the configuration: only the parts that changed change.
func (p *preview3D) OnUpdate(ctx app.Context) {
	p.preview.Show(p.Hints)
}

func (p *preview3D) OnDismount() {
	p.preview.Dispose()
	p.preview = nil
}

func (p *preview3D) Render() app.UI {
	t := func(key string, args ...string) string { return i18n.T(p.Locale, key, args...) }
	if p.failed {
		return app.Div().Class("viewer viewer-fallback").ID("config-fallback").Body(
			app.P().Text(t("configure.no3d")),
		)
	}
	return app.Div().Class("viewer").Body(
		app.Canvas().ID(previewCanvasID).Class("viewer-canvas").TabIndex(0).
			Aria("label", t("configure.preview_label", "name", p.Name)).Attr("role", "application"),
		app.P().Class("viewer-hint").Aria("hidden", "true").Text(t("configure.preview_hint")),
	)
}
