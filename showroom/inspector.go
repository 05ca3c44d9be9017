package showroom

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
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
	// markers are the hotspot buttons, and hidden which of them are hidden
	// or dimmed, to touch the DOM only when that changes.
	markers []app.Value
	hidden  map[int]string
	// onFullscreen follows the browser leaving full screen by itself
	// (Escape), so the button's label stays true.
	onFullscreen app.Func
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
	// The markers start hidden (data-state="off" in Render) until a frame
	// places them.
	in.hidden = map[int]string{}
	for i := range in.Product.Hotspots {
		in.hidden[i] = "off"
	}
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
	in.onFullscreen = app.FuncOf(func(app.Value, []app.Value) any {
		full := app.Window().Get("document").Get("fullscreenElement").Truthy()
		ctx.Dispatch(func(ctx app.Context) { in.full = full })
		return nil
	})
	app.Window().Get("document").Call("addEventListener", "fullscreenchange", in.onFullscreen)
}

// place moves the hotspot markers to where the frame drew their points.
// It writes styles directly rather than re-rendering the component: it
// runs after every frame while the model turns.
func (in *inspector) place(ps []scene.HotspotPosition) {
	for i, p := range ps {
		if i >= len(in.markers) || !in.markers[i].Get("isConnected").Bool() {
			// Looked up once, not at every frame, and again only if go-app
			// replaced the element.
			in.markers = in.markers[:0]
			for j := range ps {
				in.markers = append(in.markers, app.Window().GetElementByID(in.markerID(j)))
			}
		}
		el := in.markers[i]
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
	if in.onFullscreen != nil {
		app.Window().Get("document").Call("removeEventListener", "fullscreenchange", in.onFullscreen)
		in.onFullscreen.Release()
		in.onFullscreen = nil
	}
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
		return
	}
	el := app.Window().GetElementByID("inspector-stage")
	if el.Truthy() && el.Get("requestFullscreen").Truthy() {
		el.Call("requestFullscreen")
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
			app.Div().Class("inspector-poster").Body(ui.Thumbnail(in.Locale, p)),
			app.If(p.Model != "", func() app.UI { return app.P().Class("note").Text(in.t("inspect.failed")) }),
			in.features(),
		)
	}
	return app.Div().Class("inspector").ID("inspector").Body(
		app.Div().Class("inspector-stage").ID("inspector-stage").Body(
			// The canvas must keep its place among its siblings: go-app
			// matches children by position, and a canvas moved to another
			// index is replaced by a new one, without its WebGL context.
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
			app.Div().Class("inspector-poster").Class(classIf(in.loaded, "hidden")).Aria("hidden", strconv.FormatBool(in.loaded)).Body(
				ui.Thumbnail(in.Locale, p),
				app.P().Class("inspector-loading").Attr("role", "status").Text(in.t("inspect.loading")),
			),
			app.Div().Class("inspector-tools").Body(
				app.Button().Type("button").Class("tool").OnClick(in.reset).Title(in.t("inspect.reset")).
					Aria("label", in.t("inspect.reset")).Body(icon(iconReset)),
				app.Button().Type("button").Class("tool").OnClick(in.zoomIn).Title(in.t("inspect.zoom_in")).
					Aria("label", in.t("inspect.zoom_in")).Body(icon(iconPlus)),
				app.Button().Type("button").Class("tool").OnClick(in.zoomOut).Title(in.t("inspect.zoom_out")).
					Aria("label", in.t("inspect.zoom_out")).Body(icon(iconMinus)),
				app.Button().Type("button").Class("tool").ID("inspector-fullscreen").OnClick(in.toggleFullscreen).
					Title(in.t(fullKey(in.full))).Aria("label", in.t(fullKey(in.full))).Body(icon(iconFullscreen)),
			),
		),
		app.P().Class("viewer-hint").Aria("hidden", "true").Text(in.t("inspect.hint")),
		app.Div().ID("hotspot-text").Class("hotspot-text").Attr("aria-live", "polite").Body(
			app.If(in.open >= 0 && in.open < len(p.Hotspots), func() app.UI {
				h := p.Hotspots[in.open]
				return app.Div().Body(
					app.H3().Text(in.t("inspect.hotspot_heading", "n", strconv.Itoa(in.open+1), "title", h.Title.In(in.Locale))),
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
				return app.Li().Body(app.Strong().Text(hs[i].Title.In(in.Locale)), app.P().Text(hs[i].Text.In(in.Locale)))
			})),
		)
	})
}

// Toolbar icons, drawn as SVG paths on a 24-unit grid: the fonts of phones
// and of headless browsers do not all have glyphs such as ⛶.
const (
	iconReset      = "M4 12a8 8 0 1 0 2.34-5.66M4 4v4h4"
	iconPlus       = "M12 5v14M5 12h14"
	iconMinus      = "M5 12h14"
	iconFullscreen = "M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"
)

// icon is a stroked SVG icon, hidden from screen readers (its button has a
// label).
func icon(path string) app.UI {
	return app.Raw(`<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="` + path + `"/></svg>`)
}

func fullKey(full bool) string {
	if full {
		return "inspect.exit_fullscreen"
	}
	return "inspect.fullscreen"
}
