// Package gen writes the 3D models (GLB) and thumbnails (PNG) of every demo
// product from Go code, and inspects merchants' own GLB files so the
// showroom can frame them.
//
// The demo models are built from procedural primitives (boxes with rounded
// edges, cylinders, tori, lathed profiles and swept tubes) rather than
// shipped as opaque binaries, so that they stay small, deterministic and
// reviewable: the same source always produces the same bytes, and a test
// fails when the committed files under assets/web are stale. Regenerate with
//
//	go run ./assets/gen/cmd/genmodels -out assets/web
//
// Conventions shared by every model: units are metres, +Y is up, the front
// of the product faces +Z, and the pivot is the centre of the footprint on
// the floor (min y = 0, centred in x and z). Geometry is merged per material
// so each model costs few draw calls in the browser, where every draw call
// is expensive (see design.md).
package gen
