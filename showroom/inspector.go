package showroom

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/assets/i18n"
	"vitrine/showroom/catalog"
	"vitrine/showroom/scene"
)

// inspectorCanvasID is the id of the product inspector's canvas; a page
// shows one inspector at a time.
const inspectorCanvasID = "product-canvas"

// inspector shows one product's 3D model up close: orbit, zoom, reset,
// full screen, and numbered hotspots that explain features. The hotspots
// are buttons over the canvas, in the page's tab order and read by screen
// readers; their places follow the model as it turns. The product's
// picture stands in while the model loads, and for good when the device
// has no WebGL2.
type inspector struct {
	app.Compo

	// Product is the product shown; a new product is a new component
	// (CompoID), so a new canvas and WebGL context.
	Product catalog.Product
	Locale  string

	view   *scene.ProductView
	failed bool
	loaded bool
	open   int // index of the hotspot whose text shows, or -1
	full   bool
	// hidden remembers which markers are hidden or dimmed, to touch the
	// DOM only when that changes.
	hidden map[int]string
}

// CompoID makes go-app replace, not update, the component when the product
// changes: a disposed canvas's WebGL context cannot be used again.
func (in *inspector) CompoID() string { return "inspector-" + in.Product.Slug }

func (in *inspector) t(key string, args ...string) string { return i18n.T(in.Locale, key, args...) }

// OnInit closes every hotspot before the first render (0 is a hotspot).
func (in *inspector) OnInit() { in.open = -1 }

func (in *inspector) OnMount(ctx app.Context) {
	if app.IsServer || in.Product.Model == "" {
		in.failed = in.Product.Model == ""
		return
	}
	ctx.Defer(func(ctx app.Context) { in.start(ctx) })
}

func (in *inspector) start(ctx app.Context) {
	canvas := app.Window().GetElementByID(inspectorCanvasID)
	var spots [][3]float64
	for _, h := range in.Product.Hotspots {
		spots = append(spots, h.Position)
	}
	in.hidden = map[int]string{}
	pv, err := scene.NewProductView(inspectorCanvasID, in.Product.Model, spots, scene.ProductOptions{
		OnFrame: func(s scene.FrameStats) {
			canvas.Call("setAttribute", "data-frame", strconv.Itoa(s.Frame))
			canvas.Call("setAttribute", "data-draws", strconv.Itoa(s.DrawCalls))
			canvas.Call("setAttribute", "data-go-us", strconv.FormatInt(s.GoTime.Microseconds(), 10))
		},
		OnLoaded: func(err error) {
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					in.fail()
					return
				}
				in.loaded = true
				canvas.Call("setAttribute", "data-loaded", "true")
			})
		},
		OnHotspots: in.place,
		OnLost:     func() { ctx.Dispatch(func(ctx app.Context) { in.fail() }) },
	})
	if err != nil {
		ctx.Dispatch(func(ctx app.Context) { in.failed = true })
		return
	}
	in.view = pv
}

// place moves the hotspot markers to where the frame drew their points.
// It writes styles directly rather than re-rendering the component: it
// runs after every frame while the model turns.
func (in *inspector) place(ps []scene.HotspotPosition) {
	for i, p := range ps {
		el := app.Window().GetElementByID(in.markerID(i))
		if !el.Truthy() {
			continue
		}
		el.Get("style").Set("transform", fmt.Sprintf("translate(%.1fpx, %.1fpx)", p.X, p.Y))
		state := ""
		switch {
		case !p.InView:
			state = "off"
		case !p.Front:
			state = "behind"
		}
		if in.hidden[i] != state {
			in.hidden[i] = state
			el.Call("setAttribute", "data-state", state)
		}
	}
}

func (in *inspector) markerID(i int) string { return fmt.Sprintf("hotspot-%d", i+1) }

func (in *inspector) fail() {
	in.failed = true
	in.view.Dispose()
	in.view = nil
}

func (in *inspector) OnDismount() {
	in.view.Dispose()
	in.view = nil
}

func (in *inspector) reset(ctx app.Context, e app.Event)   { in.view.ResetView() }
func (in *inspector) zoomIn(ctx app.Context, e app.Event)  { in.view.Zoom(true) }
func (in *inspector) zoomOut(ctx app.Context, e app.Event) { in.view.Zoom(false) }

// toggleFullscreen shows the inspector on the whole screen, or back; the
// canvas follows its new size by itself (the viewer watches it).
func (in *inspector) toggleFullscreen(ctx app.Context, e app.Event) {
	doc := app.Window().Get("document")
	if doc.Get("fullscreenElement").Truthy() {
		doc.Call("exitFullscreen")
		in.full = false
		return
	}
	el := app.Window().GetElementByID("inspector-stage")
	if el.Truthy() && el.Get("requestFullscreen").Truthy() {
		el.Call("requestFullscreen")
		in.full = true
	}
}

func (in *inspector) toggleHotspot(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if in.open == i {
			in.open = -1
		} else {
			in.open = i
		}
	}
}

func (in *inspector) Render() app.UI {
	p := &in.Product
	name := p.Name.In(in.Locale)
	if in.failed {
		return app.Div().Class("inspector inspector-fallback").ID("inspector").Body(
			app.Div().Class("inspector-poster").Body(thumbnail(in.Locale, p)),
			app.If(p.Model != "", func() app.UI { return app.P().Class("note").Text(in.t("inspect.failed")) }),
			in.features(),
		)
	}
	return app.Div().Class("inspector").ID("inspector").Body(
		app.Div().Class("inspector-stage").ID("inspector-stage").Body(
			app.If(!in.loaded, func() app.UI {
				return app.Div().Class("inspector-poster loading-poster").Body(
					thumbnail(in.Locale, p),
					app.P().Class("inspector-loading").Attr("role", "status").Text(in.t("inspect.loading")),
				)
			}),
			app.Canvas().ID(inspectorCanvasID).Class("viewer-canvas").TabIndex(0).
				Aria("label", in.t("inspect.label", "name", name)).Attr("role", "img"),
			app.Ol().Class("hotspots").Aria("label", in.t("inspect.features")).Body(
				app.Range(p.Hotspots).Slice(func(i int) app.UI {
					h := p.Hotspots[i]
					return app.Li().Body(
						app.Button().Type("button").Class("hotspot").ID(in.markerID(i)).
							Attr("data-state", "off").
							Aria("expanded", strconv.FormatBool(in.open == i)).
							Aria("controls", "hotspot-text").
							Aria("label", in.t("inspect.hotspot", "n", strconv.Itoa(i+1), "title", h.Title.In(in.Locale))).
							OnClick(in.toggleHotspot(i)).Text(strconv.Itoa(i + 1)),
					)
				}),
			),
			app.Div().Class("inspector-tools").Body(
				app.Button().Type("button").Class("tool").OnClick(in.reset).Title(in.t("inspect.reset")).
					Aria("label", in.t("inspect.reset")).Text("⟲"),
				app.Button().Type("button").Class("tool").OnClick(in.zoomIn).Title(in.t("inspect.zoom_in")).
					Aria("label", in.t("inspect.zoom_in")).Text("+"),
				app.Button().Type("button").Class("tool").OnClick(in.zoomOut).Title(in.t("inspect.zoom_out")).
					Aria("label", in.t("inspect.zoom_out")).Text("−"),
				app.Button().Type("button").Class("tool").ID("inspector-fullscreen").OnClick(in.toggleFullscreen).
					Title(in.t("inspect.fullscreen")).Aria("label", in.t("inspect.fullscreen")).Text("⛶"),
			),
		),
		app.P().Class("viewer-hint").Aria("hidden", "true").Text(in.t("inspect.hint")),
		app.Div().ID("hotspot-text").Class("hotspot-text").Attr("aria-live", "polite").Body(
			app.If(in.open >= 0 && in.open < len(p.Hotspots), func() app.UI {
				h := p.Hotspots[in.open]
				return app.Div().Body(
					app.H3().Text(strconv.Itoa(in.open+1)+". "+h.Title.In(in.Locale)),
					app.P().Text(h.Text.In(in.Locale)),
				)
			}),
		),
	)
}

// features lists the hotspots' texts when there is no 3D to put them on.
func (in *inspector) features() app.UI {
	hs := in.Product.Hotspots
	return app.If(len(hs) > 0, func() app.UI {
		return app.Section().Class("features").Body(
			app.H3().Text(in.t("inspect.features")),
			app.Ol().Body(app.Range(hs).Slice(func(i int) app.UI {
				return app.Li().Body(app.Strong().Text(hs[i].Title.In(in.Locale)+". "), app.Text(hs[i].Text.In(in.Locale)))
			})),
		)
	})
}

// thumbnail is the product's picture, eager (it is the poster of the 3D).
func thumbnail(locale string, p *catalog.Product) app.UI {
	if p.Thumbnail == "" {
		return app.Div().Class("thumb placeholder").Aria("hidden", "true")
	}
	return app.Img().Class("thumb").Src(p.Thumbnail).Alt(i18n.T(locale, "catalog.thumbnail", "name", p.Name.In(locale))).
		Width(256).Height(256)
}
