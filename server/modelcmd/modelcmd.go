// Package modelcmd is `vitrine models …`: a merchant replaces a product's
// generated 3D model with their own GLB, goes back to the generated one,
// or lists which product shows what.
//
//	vitrine models import -product oak-coffee-table -file table.glb
//	vitrine models remove -product oak-coffee-table
//	vitrine models list
//
// The file is checked before anything is stored (gen.Inspect: a binary
// glTF 2.0 of at most 25 MB, with its textures inside, and with geometry)
// and kept in the database, where the running server finds it on its next
// showroom request: no restart, no files to copy.
package modelcmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"vitrine/assets/gen"
	"vitrine/server/sqlite"
	"vitrine/showroom/catalog"
	"vitrine/showroom/hall"
)

// Usage is printed for a missing or unknown subcommand.
const Usage = `usage:
  vitrine models import -product SLUG -file MODEL.glb [-data DIR]   show your own 3D model for a product
  vitrine models remove -product SLUG [-data DIR]                   go back to the generated model
  vitrine models list [-data DIR]                                   show which model each product has

A model is a binary glTF 2.0 file (.glb) of at most 25 MB with its textures
inside. The showroom stands it on the floor, turns its front (+Z) to the
aisle and reads its size in metres, centimetres, millimetres or inches,
whichever gives a real-world size. DIR defaults to $VITRINE_DATA or ./data.`

// Run runs `vitrine models <args>`. web is the embedded /web/ tree, where the
// generated models are. Every error it returns is meant for the merchant.
func Run(ctx context.Context, args []string, web fs.FS, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "import" && args[0] != "remove" && args[0] != "list") {
		fmt.Fprintln(stderr, Usage)
		return errors.New("unknown or missing subcommand")
	}
	cmd := args[0]
	fl := flag.NewFlagSet("vitrine models "+cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	product := fl.String("product", "", "the product's slug (see `vitrine models list`)")
	file := fl.String("file", "", "the GLB file to import")
	dataDir := fl.String("data", sqlite.DefaultDataDir(), "folder of the database (env VITRINE_DATA)")
	if err := fl.Parse(args[1:]); err != nil {
		return err
	}
	switch {
	case fl.NArg() > 0:
		return fmt.Errorf("unexpected argument %q", fl.Arg(0))
	case cmd != "list" && *product == "":
		return errors.New("-product is required")
	case cmd == "import" && *file == "":
		return errors.New("-file is required")
	}

	// A model file is checked before the database is opened, so a bad file
	// is reported the same with or without a store.
	var data []byte
	var bounds gen.Bounds
	if cmd == "import" {
		var err error
		if data, bounds, err = readModel(*file); err != nil {
			return err
		}
	}

	dbPath := sqlite.Path(*dataDir)
	if _, err := os.Stat(dbPath); err != nil {
		return fmt.Errorf("no store database at %s: start the store once to create it, or pass -data", dbPath)
	}
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	c := &command{catalog: sqlite.NewCatalogStore(db), models: sqlite.NewModelStore(db), web: web, out: stdout}
	switch cmd {
	case "import":
		return c.importModel(ctx, *product, *file, data, bounds)
	case "remove":
		return c.remove(ctx, *product)
	default:
		return c.list(ctx)
	}
}

type command struct {
	catalog catalog.Store
	models  catalog.ModelStore
	web     fs.FS
	out     io.Writer
}

// readModel reads and checks a model file, refusing an oversized one before
// reading it.
func readModel(path string) ([]byte, gen.Bounds, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, gen.Bounds{}, fmt.Errorf("cannot open the model file: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, gen.Bounds{}, fmt.Errorf("cannot read the model file: %w", err)
	}
	if st.IsDir() {
		return nil, gen.Bounds{}, fmt.Errorf("%s is a folder; give the .glb file", path)
	}
	if st.Size() > gen.MaxModelBytes {
		return nil, gen.Bounds{}, fmt.Errorf("%s: the model is %s (%d bytes), over the limit of %d MB; make its textures smaller or use fewer polygons",
			path, megabytes(st.Size()), st.Size(), gen.MaxModelBytes>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, gen.MaxModelBytes+1))
	if err != nil {
		return nil, gen.Bounds{}, fmt.Errorf("cannot read the model file: %w", err)
	}
	b, err := gen.Inspect(data, gen.MaxModelBytes)
	if err != nil {
		return nil, gen.Bounds{}, fmt.Errorf("%s: %s", path, catalog.ErrorMessage(err))
	}
	return data, b, nil
}

func (c *command) importModel(ctx context.Context, product, file string, data []byte, b gen.Bounds) error {
	m, err := c.models.PutModel(ctx, product, data)
	if err != nil {
		return merchantError(err, product)
	}
	size := b.Size()
	scale, _ := hall.AutoFrame(hall.Box{Min: hall.Vec3(b.Min), Max: hall.Vec3(b.Max)})
	fmt.Fprintf(c.out, "Imported %s for %s (%s).\n", filepath.Base(file), product, megabytes(m.Size))
	fmt.Fprintf(c.out, "  Size in the file: %.4g × %.4g × %.4g (width × height × depth)\n", size[0], size[1], size[2])
	fmt.Fprintf(c.out, "  In the showroom: %s, shown %.2f × %.2f × %.2f m, standing on the floor, front to the aisle.\n",
		units(scale), size[0]*scale, size[1]*scale, size[2]*scale)
	fmt.Fprintf(c.out, "  Served at %s; the showroom shows it on its next load.\n", m.Path())
	return nil
}

// units says in words how auto-framing read the file's units.
func units(scale float64) string {
	switch scale {
	case 1:
		return "read as metres"
	case 0.01:
		return "read as centimetres"
	case 0.001:
		return "read as millimetres"
	case 0.0254:
		return "read as inches"
	}
	return fmt.Sprintf("scaled by %.3g to fit a stand (at most %.1f × %.1f × %.1f m)", scale, hall.MaxProduct[0], hall.MaxProduct[1], hall.MaxProduct[2])
}

// generated returns the path of the product's generated model when the
// build has one.
func (c *command) generated(product string) string {
	if _, err := fs.Stat(c.web, "models/"+product+".glb"); err == nil {
		return "/web/models/" + product + ".glb"
	}
	return ""
}

func (c *command) remove(ctx context.Context, product string) error {
	fallback := c.generated(product)
	if err := c.models.RemoveModel(ctx, product, fallback); err != nil {
		return merchantError(err, product)
	}
	if fallback == "" {
		fmt.Fprintf(c.out, "Removed the model of %s; it has no generated model, so the showroom shows a placeholder.\n", product)
	} else {
		fmt.Fprintf(c.out, "Removed the model of %s; it shows its generated model (%s) again.\n", product, fallback)
	}
	return nil
}

func (c *command) list(ctx context.Context) error {
	ps, err := c.catalog.Products(ctx, catalog.ProductFilter{})
	if err != nil {
		return err
	}
	ms, err := c.models.Models(ctx)
	if err != nil {
		return err
	}
	own := map[string]catalog.ModelFile{}
	for _, m := range ms {
		own[m.Product] = m
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PRODUCT\tMODEL\tSIZE\tPATH")
	for _, p := range ps {
		source, size := "none", "-"
		switch {
		case strings.HasPrefix(p.Model, catalog.ModelMediaPrefix):
			source = "own"
			if m, ok := own[p.Slug]; ok {
				source = "own, imported " + m.Created.Format("2006-01-02")
				size = megabytes(m.Size)
			}
		case strings.HasPrefix(p.Model, "/web/"):
			source = "generated"
			if st, err := fs.Stat(c.web, strings.TrimPrefix(p.Model, "/web/")); err == nil {
				size = megabytes(st.Size())
			} else {
				source = "generated, missing"
			}
		case p.Model != "":
			source = "unknown"
		}
		path := p.Model
		if path == "" {
			path = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Slug, source, size, path)
	}
	return tw.Flush()
}

// merchantError words a store error for the merchant.
func merchantError(err error, product string) error {
	var e *catalog.Error
	if errors.As(err, &e) && e.Code == catalog.ENOTFOUND && e.Field == "product" {
		return fmt.Errorf("no product has the slug %q; `vitrine models list` shows them", product)
	}
	if errors.As(err, &e) {
		return errors.New(e.Message)
	}
	return err
}

func megabytes(n int64) string {
	if n < 1<<10 {
		return fmt.Sprintf("%d bytes", n)
	}
	if n < 1<<20 {
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
