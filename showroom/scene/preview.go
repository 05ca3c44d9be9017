package scene

import (
	"errors"
	"time"
)

// FrameStats describes one rendered frame, for the OnFrame hooks that
// benchmarks and the page's test attributes use.
type FrameStats struct {
	// Frame counts the frames rendered since the viewer started, from 1.
	Frame int
	// GoTime is the Go time spent making the frame (scene traversal,
	// uniform uploads, draw calls); the GPU's own time is not in it.
	GoTime time.Duration
	// DrawCalls is the number of meshes drawn.
	DrawCalls int
	// Width and Height are the drawing buffer's size in device pixels.
	Width, Height int
}

// PreviewOptions are a ConfigPreview's hooks.
type PreviewOptions struct {
	// OnFrame, when set, is called after every rendered frame.
	OnFrame func(FrameStats)
	// OnLost is called once if the preview stops working (the WebGL
	// context is lost or a frame failed): the page then shows its 2D
	// summary instead of the canvas.
	OnLost func()
}

// ErrNoWebGL2 means the browser (or this build: the server's) cannot
// render 3D. Pages show their 2D fallback.
var ErrNoWebGL2 = errors.New("scene: WebGL2 is not available")
