//go:build js && wasm

package scene

import (
	"fmt"
	"math"
	"syscall/js"
	"time"

	"github.com/g3n/engine/camera"
	"github.com/g3n/engine/core"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/light"
	"github.com/g3n/engine/math32"
	"github.com/g3n/engine/renderer"
)

// Options configure a Viewer.
type Options struct {
	// Background is the colour behind the scene ("#rrggbb"); empty is the
	// store's paper colour.
	Background string
	// MaxPixelRatio caps window.devicePixelRatio for the drawing buffer
	// (0 means 2): beyond 2 the extra pixels cost more than they show.
	MaxPixelRatio float64
	// Controller moves the camera from the customer's input; nil means a
	// new Orbit.
	Controller Controller
	// OnFrame, when set, is called after every rendered frame.
	OnFrame func(FrameStats)
	// OnLost is called once if the viewer stops for good: the WebGL
	// context was lost or a frame panicked. The page shows its 2D fallback.
	OnLost func(reason string)
	// OnKey, when set, sees every key pressed on the canvas before the
	// controller does; it returns true when it used the key (the browser's
	// default action, such as Tab moving focus, is then prevented).
	OnKey func(key string, shift bool) bool
	// OnTap, when set, is called when a pointer taps or clicks the canvas
	// without dragging; double is set for the second tap of a double tap
	// or the second click of a double-click.
	OnTap func(e PointerEvent, double bool)
	// FOV is the camera's vertical field of view in degrees; 0 means the
	// Orbit controller's, or 40.
	FOV float32
	// Lights replace the default studio lights when set.
	Lights []core.INode
	// BeforeFrame, when set, is called at the start of every frame, before
	// the camera moves: the one safe moment to change the scene.
	BeforeFrame func()
}

// Viewer renders a g3n scene into one of the page's canvases. It renders
// on demand: a frame is drawn only after Invalidate or input that moves the
// camera, or while the controller is still moving, so an idle page costs no
// CPU. It uses none of g3n's app, window or gui singletons (design.md), so
// any number of viewers can come and go as pages mount and dismount.
type Viewer struct {
	canvas  js.Value
	gl      js.Value
	gs      *gls.GLS
	rend    *renderer.Renderer
	scene   *core.Node
	content *core.Node
	cam     *camera.Camera
	ctrl    Controller
	opts    Options
	bg      [3]float32

	frame     js.Func
	raf       js.Value // the pending requestAnimationFrame id, or undefined
	listeners []listener
	resize    js.Value // the ResizeObserver, or undefined

	width, height int
	taps          tapDetector
	frames        int
	last          time.Time
	stopped       bool
	contextLost   bool
}

type listener struct {
	target js.Value
	event  string
	fn     js.Func
}

// NewViewer starts a viewer on canvas (an HTMLCanvasElement already in the
// page). It returns ErrNoWebGL2 if the browser cannot give a WebGL2
// context. Call Dispose when the canvas leaves the page.
func NewViewer(canvas js.Value, opts Options) (*Viewer, error) {
	if !canvas.Truthy() {
		return nil, fmt.Errorf("scene: no canvas")
	}
	gl := canvas.Call("getContext", "webgl2", map[string]any{"antialias": true, "alpha": false, "powerPreference": "low-power"})
	if !gl.Truthy() {
		return nil, ErrNoWebGL2
	}
	gs, err := gls.New(gl)
	if err != nil {
		return nil, fmt.Errorf("scene: %w", err)
	}
	rend := renderer.NewRenderer(gs)
	if err := rend.AddDefaultShaders(); err != nil {
		return nil, fmt.Errorf("scene: shaders: %w", err)
	}
	if opts.MaxPixelRatio <= 0 {
		opts.MaxPixelRatio = 2
	}
	if opts.Controller == nil {
		opts.Controller = NewOrbit()
	}
	v := &Viewer{canvas: canvas, gl: gl, gs: gs, rend: rend, opts: opts, ctrl: opts.Controller,
		scene: core.NewNode(), content: core.NewNode(), raf: js.Undefined(), resize: js.Undefined()}
	v.bg = [3]float32{0.953, 0.937, 0.91}
	if r, g, b, ok := ParseColor(opts.Background); ok {
		v.bg = [3]float32{r, g, b}
	}
	v.cam = camera.NewPerspective(1, 0.05, 100, 40, camera.Vertical)
	if o, ok := v.ctrl.(*Orbit); ok {
		v.cam.SetFov(o.FOV)
	}
	if opts.FOV > 0 {
		v.cam.SetFov(opts.FOV)
	}
	if opts.Lights != nil {
		for _, l := range opts.Lights {
			v.scene.Add(l)
		}
	} else {
		// A soft studio: ambient light so no side is black, a warm key
		// light from the front right and above, and a cool fill from
		// behind left. g3n's PBR divides direct light by pi, hence the
		// intensities above 1.
		v.scene.Add(light.NewAmbient(&math32.Color{R: 1, G: 1, B: 1}, 0.45))
		key := light.NewDirectional(&math32.Color{R: 1, G: 0.97, B: 0.92}, 2.2)
		key.SetPosition(2, 4, 3)
		v.scene.Add(key)
		fill := light.NewDirectional(&math32.Color{R: 0.85, G: 0.9, B: 1}, 0.9)
		fill.SetPosition(-3, 2, -2)
		v.scene.Add(fill)
	}
	v.scene.Add(v.content)

	v.frame = js.FuncOf(v.onFrame)
	v.listen()
	v.Invalidate()
	return v, nil
}

// Content is the node the scene's objects go under.
func (v *Viewer) Content() *core.Node { return v.content }

// SetScene replaces the content with n (a loaded GLB, a Stage's root),
// disposing what was there, and renders.
func (v *Viewer) SetScene(n core.INode) {
	v.content.DisposeChildren(true)
	if n != nil {
		v.content.Add(n)
	}
	v.Invalidate()
}

// Camera is the viewer's camera; the controller places it every frame.
func (v *Viewer) Camera() *camera.Camera { return v.cam }

// Controller returns the camera's controller.
func (v *Viewer) Controller() Controller { return v.ctrl }

// SetController replaces the camera's controller.
func (v *Viewer) SetController(c Controller) {
	v.ctrl = c
	v.Invalidate()
}

// Aspect returns the canvas's width over its height as laid out now.
func (v *Viewer) Aspect() float32 {
	w, h := v.canvas.Get("clientWidth").Float(), v.canvas.Get("clientHeight").Float()
	if w <= 0 || h <= 0 {
		return 1
	}
	return float32(w / h)
}

// AddProgram registers a shader program of our own (its vertex and
// fragment sources), which materials then name with SetShader.
func (v *Viewer) AddProgram(name, vertex, fragment string) {
	v.rend.AddShader(name+"_vertex", vertex)
	v.rend.AddShader(name+"_fragment", fragment)
	v.rend.AddProgram(name, name+"_vertex", name+"_fragment")
}

// Canvas returns the canvas the viewer draws into.
func (v *Viewer) Canvas() js.Value { return v.canvas }

// Stopped reports whether the viewer was disposed or lost its context.
func (v *Viewer) Stopped() bool { return v.stopped }

// Invalidate asks for a frame: something in the scene changed. Frames
// requested before the browser's next paint are drawn once.
func (v *Viewer) Invalidate() {
	if v.stopped || !v.raf.IsUndefined() {
		return
	}
	v.raf = js.Global().Call("requestAnimationFrame", v.frame)
}

// onFrame is the requestAnimationFrame callback. A panic here would kill
// the whole Go program and freeze the page (design.md), so it is recovered
// and turned into a lost viewer: the page falls back to 2D and keeps
// working.
func (v *Viewer) onFrame(js.Value, []js.Value) (result any) {
	v.raf = js.Undefined()
	defer func() {
		if r := recover(); r != nil {
			v.lose(fmt.Sprintf("a frame failed: %v", r))
		}
	}()
	if v.stopped {
		return nil
	}
	now := time.Now()
	if v.opts.BeforeFrame != nil {
		v.opts.BeforeFrame()
	}
	dt := time.Duration(0)
	if !v.last.IsZero() {
		dt = now.Sub(v.last)
	}
	v.last = now
	moving := v.ctrl.Step(dt)
	v.fitBuffer()
	eye, target, up := v.ctrl.View()
	v.cam.SetPositionVec(&eye)
	v.cam.LookAt(&target, &up)
	v.gs.ClearColor(v.bg[0], v.bg[1], v.bg[2], 1)
	v.gs.Clear(gls.COLOR_BUFFER_BIT | gls.DEPTH_BUFFER_BIT)
	if err := v.rend.Render(v.scene, v.cam); err != nil {
		panic(err)
	}
	v.frames++
	if v.opts.OnFrame != nil {
		v.opts.OnFrame(FrameStats{Frame: v.frames, GoTime: time.Since(now), DrawCalls: v.rend.Stats().GraphicMats,
			Width: v.width, Height: v.height})
	}
	if moving {
		v.Invalidate()
	} else {
		// Idle from here: the next frame's dt must not count the idle time,
		// or an animated controller would jump.
		v.last = time.Time{}
	}
	return nil
}

// fitBuffer sizes the drawing buffer to the canvas's CSS size times the
// device pixel ratio (capped), which g3n leaves to us.
func (v *Viewer) fitBuffer() {
	dpr := js.Global().Get("devicePixelRatio").Float()
	if dpr <= 0 || math.IsNaN(dpr) {
		dpr = 1
	}
	dpr = min(dpr, v.opts.MaxPixelRatio)
	w := int(math.Round(v.canvas.Get("clientWidth").Float() * dpr))
	h := int(math.Round(v.canvas.Get("clientHeight").Float() * dpr))
	if w < 1 || h < 1 {
		w, h = 1, 1
	}
	if w != v.width || h != v.height {
		v.width, v.height = w, h
		v.canvas.Set("width", w)
		v.canvas.Set("height", h)
		v.gs.Viewport(0, 0, int32(w), int32(h))
		v.cam.SetAspect(float32(w) / float32(h))
	}
}

// listen wires the canvas's input, resize and context-loss events.
func (v *Viewer) listen() {
	on := func(target js.Value, event string, passive bool, fn func(e js.Value)) {
		f := js.FuncOf(func(_ js.Value, args []js.Value) any {
			defer func() {
				if r := recover(); r != nil {
					v.lose(fmt.Sprintf("%s handler failed: %v", event, r))
				}
			}()
			if !v.stopped {
				fn(args[0])
			}
			return nil
		})
		target.Call("addEventListener", event, f, map[string]any{"passive": passive})
		v.listeners = append(v.listeners, listener{target, event, f})
	}
	pointer := func(e js.Value) PointerEvent {
		r := v.canvas.Call("getBoundingClientRect")
		return PointerEvent{ID: e.Get("pointerId").Int(),
			X: e.Get("clientX").Float() - r.Get("left").Float(), Y: e.Get("clientY").Float() - r.Get("top").Float(),
			Width: r.Get("width").Float(), Height: r.Get("height").Float(),
			Kind: e.Get("pointerType").String(), Time: e.Get("timeStamp").Float()}
	}
	on(v.canvas, "pointerdown", true, func(e js.Value) {
		v.canvas.Call("setPointerCapture", e.Get("pointerId"))
		pe := pointer(e)
		v.taps.pointerDown(pe)
		if v.ctrl.PointerDown(pe) {
			v.Invalidate()
		}
	})
	on(v.canvas, "pointermove", true, func(e js.Value) {
		pe := pointer(e)
		v.taps.pointerMove(pe)
		if v.ctrl.PointerMove(pe) {
			v.Invalidate()
		}
	})
	on(v.canvas, "pointerup", true, func(e js.Value) {
		pe := pointer(e)
		tap, double := v.taps.pointerUp(pe)
		if v.ctrl.PointerUp(pe) {
			v.Invalidate()
		}
		if tap && v.opts.OnTap != nil {
			v.opts.OnTap(pe, double)
			v.Invalidate()
		}
	})
	on(v.canvas, "pointercancel", true, func(e js.Value) {
		pe := pointer(e)
		v.taps.cancel(pe)
		if v.ctrl.PointerUp(pe) {
			v.Invalidate()
		}
	})
	on(v.canvas, "wheel", false, func(e js.Value) {
		dy := e.Get("deltaY").Float()
		if e.Get("deltaMode").Int() == 1 { // lines, not pixels
			dy *= 40
		}
		if v.ctrl.Wheel(dy) {
			e.Call("preventDefault")
			v.Invalidate()
		}
	})
	on(v.canvas, "keydown", false, func(e js.Value) {
		if e.Get("altKey").Bool() || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() {
			return
		}
		key := e.Get("key").String()
		if v.opts.OnKey != nil && v.opts.OnKey(key, e.Get("shiftKey").Bool()) {
			e.Call("preventDefault")
			v.Invalidate()
			return
		}
		if v.ctrl.Key(key) {
			e.Call("preventDefault")
			v.Invalidate()
		}
	})
	on(v.canvas, "keyup", false, func(e js.Value) {
		if v.ctrl.KeyUp(e.Get("key").String()) {
			v.Invalidate()
		}
	})
	on(v.canvas, "blur", true, func(js.Value) {
		// Keys released after the canvas lost focus are never heard: let
		// go of them now, or the visitor would walk on alone.
		if r, ok := v.ctrl.(interface{ ReleaseKeys() }); ok {
			r.ReleaseKeys()
			v.Invalidate()
		}
	})
	on(v.canvas, "webglcontextlost", false, func(e js.Value) {
		v.contextLost = true
		v.lose("the WebGL context was lost")
	})
	if ro := js.Global().Get("ResizeObserver"); ro.Truthy() {
		f := js.FuncOf(func(js.Value, []js.Value) any { v.Invalidate(); return nil })
		v.listeners = append(v.listeners, listener{fn: f})
		v.resize = ro.New(f)
		v.resize.Call("observe", v.canvas)
	} else {
		on(js.Global(), "resize", true, func(js.Value) { v.Invalidate() })
	}
}

// lose stops the viewer after a failure and tells the page, once.
func (v *Viewer) lose(reason string) {
	if v.stopped {
		return
	}
	v.stop()
	js.Global().Get("console").Call("warn", "3D preview stopped: "+reason)
	if v.opts.OnLost != nil {
		v.opts.OnLost(reason)
	}
}

// stop cancels the frame and removes the listeners.
func (v *Viewer) stop() {
	v.stopped = true
	if !v.raf.IsUndefined() {
		js.Global().Call("cancelAnimationFrame", v.raf)
		v.raf = js.Undefined()
	}
	if !v.resize.IsUndefined() {
		v.resize.Call("disconnect")
		v.resize = js.Undefined()
	}
	for _, l := range v.listeners {
		if !l.target.IsUndefined() && l.target.Truthy() {
			l.target.Call("removeEventListener", l.event, l.fn)
		}
	}
}

// Dispose stops the viewer, disposes the scene and loses the WebGL
// context, so the browser frees the GPU memory now rather than at garbage
// collection (browsers limit how many contexts a page may hold).
func (v *Viewer) Dispose() {
	v.stop()
	for _, l := range v.listeners {
		l.fn.Release()
	}
	v.listeners = nil
	v.frame.Release()
	v.scene.DisposeChildren(true)
	if !v.contextLost {
		if ext := v.gl.Call("getExtension", "WEBGL_lose_context"); ext.Truthy() {
			ext.Call("loseContext")
		}
		v.contextLost = true
	}
}
