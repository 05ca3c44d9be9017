// Command genmodels regenerates the committed 3D models and thumbnails of
// the demo products:
//
//	go run ./assets/gen/cmd/genmodels -out assets/web
package main

import (
	"flag"
	"fmt"
	"os"

	"vitrine/assets/gen"
)

func main() {
	out := flag.String("out", "assets/web", "folder that receives models/<slug>.glb and thumbs/<slug>.png")
	flag.Parse()
	if err := gen.WriteAll(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genmodels:", err)
		os.Exit(1)
	}
	fmt.Printf("genmodels: wrote %d models and thumbnails to %s\n", len(gen.Products()), *out)
}
