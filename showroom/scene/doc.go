// Package scene is Vitrine's 3D: a Viewer that renders g3n scenes into a
// page's canvas on demand, camera controls of our own (Orbit), GLB loading,
// and the procedural models of the configurable products, built from the
// configurator's model hints.
//
// It is split by build tags so that pages can import it in both builds:
//
//   - Files without tags are pure Go on g3n's math32 only (which compiles
//     natively): the shapes and parts a model is made of, the products'
//     model kits, the orbit camera and input types. They are tested
//     natively and under Node.
//   - Files ending in _wasm.go (js && wasm) hold everything that touches
//     g3n's scene graph or WebGL: Viewer, Stage, LoadGLB and ConfigPreview.
//   - preview_other.go is the native twin of what pages call, doing
//     nothing, so the server's prerender compiles without g3n.
//
// What design.md measured shapes the code: the Viewer takes the page's own
// canvas and WebGL2 context instead of g3n's window and app singletons,
// runs its own requestAnimationFrame loop and renders only when something
// changed, recovers panics inside the frame, sizes the drawing buffer for
// the device pixel ratio (capped at 2), and releases everything on
// Dispose. Every mesh costs about 1 ms of Go time per frame, so models are
// made of few meshes: one per part and material, never one per shape.
package scene
