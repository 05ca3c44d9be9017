package scene

// HotspotPosition is where a hotspot of the inspected product is on the
// canvas after a frame, so the page can place its marker there.
type HotspotPosition struct {
	// X and Y are CSS pixels from the canvas's top-left corner.
	X, Y float64
	// InView is false when the point is off the canvas or behind the
	// camera; the marker is then hidden.
	InView bool
	// Front is false when the point is on the far side of the model from
	// the camera; the marker is then dimmed, since the model hides it.
	Front bool
}

// ProductOptions are a ProductView's hooks. Every hook is optional.
type ProductOptions struct {
	// OnFrame is called after every rendered frame.
	OnFrame func(FrameStats)
	// OnLost is called once if the view stops working.
	OnLost func()
	// OnLoaded is called once the model is shown, or with the reason it
	// could not be.
	OnLoaded func(err error)
	// OnHotspots is called after every frame with where each hotspot is,
	// in the order they were given.
	OnHotspots func([]HotspotPosition)
}
