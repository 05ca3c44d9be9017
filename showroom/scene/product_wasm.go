//go:build js && wasm

package scene

import (
	"context"
	"sync"
	"syscall/js"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/math32"

	"vitrine/showroom/hall"
)

// ProductView shows one product's model up close: it loads the GLB in the
// background, frames it (hall.AutoFrame: standing on a round floor, at its
// real size, whatever units it was made in), lets the visitor orbit and
// zoom around it, and reports where the product's hotspots are after
// every frame. Pages use it, not Viewer, because its API has no g3n or
// syscall/js types; it has a native twin for the server's prerender.
type ProductView struct {
	viewer   *Viewer
	orbit    *Orbit
	stage    *Stage
	opts     ProductOptions
	hotspots []math32.Vector3
	cancel   context.CancelFunc

	mu      sync.Mutex
	pending core.INode
	perr    error
	done    bool
	model   core.INode
	center  math32.Vector3
	scaled  []math32.Vector3 // the hotspots, framed as the model is
	pos     []HotspotPosition
}

// NewProductView starts showing the model at modelURL in the canvas with
// id canvasID. Hotspots are points in the model's own coordinates. It
// returns ErrNoWebGL2 when the browser cannot render 3D.
func NewProductView(canvasID, modelURL string, hotspots [][3]float64, opts ProductOptions) (*ProductView, error) {
	canvas := js.Global().Get("document").Call("getElementById", canvasID)
	p := &ProductView{orbit: NewOrbit(), stage: NewStage(), opts: opts}
	for _, h := range hotspots {
		p.hotspots = append(p.hotspots, v(float32(h[0]), float32(h[1]), float32(h[2])))
	}
	vw, err := NewViewer(canvas, Options{Controller: p.orbit, OnFrame: p.frameDone, BeforeFrame: p.beforeFrame,
		OnLost: func(string) {
			if opts.OnLost != nil {
				opts.OnLost()
			}
		}})
	if err != nil {
		return nil, err
	}
	p.viewer = vw
	vw.Content().Add(p.stage.Root())
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	go func() {
		n, err := LoadGLB(ctx, modelURL)
		if ctx.Err() != nil {
			return
		}
		p.mu.Lock()
		p.pending, p.perr, p.done = n, err, true
		p.mu.Unlock()
		vw.Invalidate()
	}()
	return p, nil
}

// beforeFrame puts the model on stage once it has arrived.
func (p *ProductView) beforeFrame() {
	p.mu.Lock()
	n, err, done := p.pending, p.perr, p.done
	p.pending, p.done = nil, false
	p.mu.Unlock()
	if !done {
		return
	}
	if err == nil {
		p.show(n)
	}
	if p.opts.OnLoaded != nil {
		p.opts.OnLoaded(err)
	}
}

func (p *ProductView) show(n core.INode) {
	b := NodeBounds(n)
	k, offset := hall.AutoFrame(hall.Box{Min: hall.Vec3{float64(b.Min.X), float64(b.Min.Y), float64(b.Min.Z)},
		Max: hall.Vec3{float64(b.Max.X), float64(b.Max.Y), float64(b.Max.Z)}})
	s, off := float32(k), v(float32(offset[0]), float32(offset[1]), float32(offset[2]))
	// frame moves a point of the model where the node's transform puts it.
	frame := func(p math32.Vector3) math32.Vector3 { return add(scale(p, s), off) }
	node := n.GetNode()
	node.SetScale(s, s, s)
	node.SetPositionVec(&off)
	p.viewer.Content().Add(n)
	p.model = n
	framed := math32.Box3{Min: frame(b.Min), Max: frame(b.Max)}
	floor, mat := floorFor(framed)
	p.stage.Show(Model{Parts: []Part{floor}, Materials: []Material{mat}})
	p.center = *framed.Center(nil)
	p.scaled = p.scaled[:0]
	for _, h := range p.hotspots {
		p.scaled = append(p.scaled, frame(h))
	}
	p.orbit.Fit(framed, p.viewer.Aspect())
}

// NodeBounds returns the box around every mesh under n, in n's parent's
// coordinates (n's own transform applied).
func NodeBounds(n core.INode) math32.Box3 {
	n.UpdateMatrixWorld()
	b := math32.Box3{Min: v(math32.Inf(1), math32.Inf(1), math32.Inf(1)), Max: v(math32.Inf(-1), math32.Inf(-1), math32.Inf(-1))}
	var walk func(c core.INode)
	walk = func(c core.INode) {
		if g, ok := c.(graphic.IGraphic); ok {
			gb := g.GetGeometry().BoundingBox()
			if !gb.Empty() {
				m := c.GetNode().MatrixWorld()
				gb.ApplyMatrix4(&m)
				b.Union(&gb)
			}
		}
		for _, ch := range c.GetNode().Children() {
			walk(ch)
		}
	}
	walk(n)
	return b
}

// frameDone reports where the hotspots are now.
func (p *ProductView) frameDone(s FrameStats) {
	if p.opts.OnFrame != nil {
		p.opts.OnFrame(s)
	}
	if p.opts.OnHotspots == nil || p.model == nil || len(p.scaled) == 0 {
		return
	}
	cam := p.viewer.Camera()
	cam.UpdateMatrixWorld()
	w := p.viewer.Canvas().Get("clientWidth").Float()
	h := p.viewer.Canvas().Get("clientHeight").Float()
	eye := p.orbit.Eye()
	toEye := sub(eye, p.center)
	toEye.Normalize()
	forward := sub(p.orbit.Target, eye)
	p.pos = p.pos[:0]
	for _, hs := range p.scaled {
		q := hs
		cam.Project(&q)
		out := sub(hs, p.center)
		out.Normalize()
		ahead := sub(hs, eye)
		p.pos = append(p.pos, HotspotPosition{
			X: (float64(q.X) + 1) / 2 * w, Y: (1 - float64(q.Y)) / 2 * h,
			InView: ahead.Dot(&forward) > 0 && q.X >= -1 && q.X <= 1 && q.Y >= -1 && q.Y <= 1,
			Front:  out.Dot(&toEye) > -0.15,
		})
	}
	p.opts.OnHotspots(p.pos)
}

// ResetView returns the camera to where it framed the model.
func (p *ProductView) ResetView() {
	if p == nil || p.viewer == nil {
		return
	}
	p.orbit.Reset()
	p.viewer.Invalidate()
}

// Zoom comes closer (in) or steps back.
func (p *ProductView) Zoom(in bool) {
	if p == nil || p.viewer == nil {
		return
	}
	if in {
		p.orbit.Zoom(1 / 1.2)
	} else {
		p.orbit.Zoom(1.2)
	}
	p.viewer.Invalidate()
}

// Dispose stops loading and frees the view's GPU resources.
func (p *ProductView) Dispose() {
	if p == nil || p.viewer == nil {
		return
	}
	p.cancel()
	p.viewer.Content().Remove(p.stage.Root())
	p.stage.Dispose()
	p.viewer.Dispose()
	p.viewer = nil
}
