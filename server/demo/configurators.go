package demo

import "vitrine/showroom/catalog"

// Configurators returns the configurators of the three configurable demo
// products, modular-sofa, standing-desk and city-bike. Each default
// configuration costs exactly the product's price in Products, and the
// configurators' own lead times are the products' lead times. It builds new
// values on every call, so callers may modify what they get.
//
// Node and material names in the model hints are those the 3D generator
// gives the products' GLB files: a node per optional part ("chaise-left",
// "drawer-unit", "rack-rear"), "seat-module" repeated per module, "top"
// scaled with the desk width, and the recoloured materials "fabric", "legs",
// "top", "frame" and "bike-frame".
func Configurators() []*catalog.Configurator {
	return []*catalog.Configurator{sofaConfigurator(), deskConfigurator(), bikeConfigurator()}
}

// ConfiguratorFor returns the configurator of the product slug, or nil if
// the product is not configurable.
func ConfiguratorFor(slug string) *catalog.Configurator {
	for _, cf := range Configurators() {
		if cf.Product == slug {
			return cf
		}
	}
	return nil
}

// configOption is an in-stock option; the few that are not set Available
// and LeadTimeDays themselves.
func configOption(id, sku string, name catalog.Text, euros int64, model catalog.ConfigModel) catalog.ConfigOption {
	return catalog.ConfigOption{ID: id, SKU: sku, Name: name, Price: catalog.EUR(euros * 100),
		Available: true, Swatch: model.Color, Model: model}
}

func configRef(choice, option string) catalog.ConfigRef {
	return catalog.ConfigRef{Choice: choice, Option: option}
}

// sofaConfigurator: 179 EUR of frame and cushions plus 290 EUR per seat
// module; three modules in linen with slim arms and oak legs make 1049 EUR.
// Colours belong to a fabric, so each colour requires its fabric: picking a
// velvet colour switches the fabric to velvet, and switching the fabric
// changes the colour to one of the new fabric's.
func sofaConfigurator() *catalog.Configurator {
	const sku = "VT-LR-001"
	colour := func(id, code, hex string, name catalog.Text) catalog.ConfigOption {
		return configOption(id, sku+"-CL-"+code, name, 0, catalog.ConfigModel{Material: "fabric", Color: hex})
	}
	linen, velvet, boucle := configRef("fabric", "linen"), configRef("fabric", "velvet"), configRef("fabric", "boucle")
	var rules []catalog.ConfigRule
	for _, fc := range []struct {
		fabric  catalog.ConfigRef
		colours []string
	}{
		{linen, []string{"sand", "sage", "charcoal"}},
		{velvet, []string{"emerald", "rust", "navy", "blush"}},
		{boucle, []string{"ivory", "oat", "stone"}},
	} {
		for _, c := range fc.colours {
			rules = append(rules, catalog.ConfigRule{Kind: catalog.RuleRequires, If: configRef("colour", c), Then: fc.fabric})
		}
	}
	rules = append(rules,
		catalog.ConfigRule{Kind: catalog.RuleMinDimension, If: configRef("chaise", "left"), Dimension: "modules", Min: 3},
		catalog.ConfigRule{Kind: catalog.RuleMinDimension, If: configRef("chaise", "right"), Dimension: "modules", Min: 3},
	)
	return &catalog.Configurator{
		Product: "modular-sofa", Base: catalog.EUR(17900), BaseSKU: sku + "-BASE",
		BaseName:     tr("Frame, cushions and assembly", "Estructura, cojines y montaje", "框架、靠垫与组装", "Cadru, perne și asamblare"),
		LeadTimeDays: 5,
		Steps: []catalog.ConfigStep{
			{ID: "layout", Name: tr("Layout", "Composición", "布局", "Configurație")},
			{ID: "arms-legs", Name: tr("Arms and legs", "Brazos y patas", "扶手与沙发脚", "Brațe și picioare")},
			{ID: "cover", Name: tr("Cover", "Tapicería", "面料", "Tapițerie")},
		},
		Quantities: []catalog.ConfigQuantity{{
			ID: "modules", Step: "layout", SKU: sku + "-SEAT",
			Name: tr("Seat modules", "Módulos de asiento", "座位模块", "Module de șezut"),
			Min:  2, Max: 5, Default: 3, UnitPrice: catalog.EUR(29000),
			Model: catalog.ConfigModel{Nodes: []string{"seat-module"}, Axis: "x"},
		}},
		Choices: []catalog.ConfigChoice{
			{ID: "chaise", Step: "layout", Name: tr("Chaise longue", "Diván", "贵妃位", "Șezlong"), Options: []catalog.ConfigOption{
				configOption("left", sku+"-CHL", tr("Left chaise", "Diván a la izquierda", "左侧贵妃位", "Șezlong pe stânga"), 390,
					catalog.ConfigModel{Nodes: []string{"chaise-left"}}),
				configOption("right", sku+"-CHR", tr("Right chaise", "Diván a la derecha", "右侧贵妃位", "Șezlong pe dreapta"), 390,
					catalog.ConfigModel{Nodes: []string{"chaise-right"}}),
			}},
			{ID: "arms", Step: "arms-legs", Name: tr("Arms", "Brazos", "扶手", "Brațe"), Required: true, Default: "slim", Options: []catalog.ConfigOption{
				configOption("slim", sku+"-AR-SL", tr("Slim arms", "Brazos finos", "窄扶手", "Brațe subțiri"), 0,
					catalog.ConfigModel{Nodes: []string{"arm-slim"}}),
				configOption("rounded", sku+"-AR-RD", tr("Rounded arms", "Brazos redondeados", "圆弧扶手", "Brațe rotunjite"), 60,
					catalog.ConfigModel{Nodes: []string{"arm-rounded"}}),
				configOption("armless", sku+"-AR-NO", tr("No arms", "Sin brazos", "无扶手", "Fără brațe"), -60,
					catalog.ConfigModel{}),
			}},
			{ID: "legs", Step: "arms-legs", Name: tr("Legs", "Patas", "沙发脚", "Picioare"), Required: true, Default: "oak", Options: []catalog.ConfigOption{
				configOption("oak", sku+"-LG-OAK", tr("Oak legs", "Patas de roble", "橡木脚", "Picioare din stejar"), 0,
					catalog.ConfigModel{Nodes: []string{"legs-wood"}, Material: "legs", Color: "#c49a6c"}),
				configOption("black-metal", sku+"-LG-MET", tr("Black metal legs", "Patas de metal negro", "黑色金属脚", "Picioare din metal negru"), 0,
					catalog.ConfigModel{Nodes: []string{"legs-metal"}, Material: "legs", Color: "#222222"}),
				configOption("walnut", sku+"-LG-WAL", tr("Walnut legs", "Patas de nogal", "胡桃木脚", "Picioare din nuc"), 40,
					catalog.ConfigModel{Nodes: []string{"legs-wood"}, Material: "legs", Color: "#5d3a1a"}),
			}},
			{ID: "fabric", Step: "cover", Name: tr("Fabric", "Tejido", "面料材质", "Material"), Required: true, Default: "linen", Options: []catalog.ConfigOption{
				configOption("linen", sku+"-FB-LIN", tr("Linen", "Lino", "亚麻", "In"), 0, catalog.ConfigModel{}),
				configOption("velvet", sku+"-FB-VEL", tr("Velvet", "Terciopelo", "天鹅绒", "Catifea"), 120, catalog.ConfigModel{}),
				configOption("boucle", sku+"-FB-BOU", tr("Bouclé", "Tejido bouclé", "毛圈布", "Țesătură bouclé"), 90, catalog.ConfigModel{}),
			}},
			{ID: "colour", Step: "cover", Name: tr("Colour", "Color", "颜色", "Culoare"), Required: true, Default: "sand", Options: []catalog.ConfigOption{
				colour("sand", "SND", "#d8c8a8", tr("Sand", "Arena", "沙色", "Nisip")),
				colour("sage", "SAG", "#9caf88", tr("Sage", "Salvia", "鼠尾草绿", "Salvie")),
				colour("charcoal", "CHR", "#3c3c3c", tr("Charcoal", "Carbón", "炭灰", "Cărbune")),
				colour("emerald", "EME", "#1f5e4a", tr("Emerald", "Esmeralda", "祖母绿", "Smarald")),
				colour("rust", "RST", "#a4502a", tr("Rust", "Óxido", "铁锈红", "Rugină")),
				colour("navy", "NVY", "#1f2a44", tr("Navy", "Azul marino", "藏青", "Bleumarin")),
				colour("blush", "BLS", "#e3b7b0", tr("Blush", "Rosa palo", "淡粉", "Roz pudrat")),
				colour("ivory", "IVR", "#efe9dc", tr("Ivory", "Marfil", "象牙白", "Ivoriu")),
				colour("oat", "OAT", "#d9ccb4", tr("Oat", "Avena", "燕麦色", "Ovăz")),
				colour("stone", "STN", "#8f8a80", tr("Stone", "Piedra", "石灰色", "Piatră")),
			}},
		},
		Rules: rules,
		AccessoryRules: []catalog.ConfigAccessory{
			{Product: "oak-coffee-table"},
			{Product: "linen-armchair", When: []catalog.ConfigRef{linen}},
			{Product: "arc-floor-lamp"},
		},
	}
}

// deskConfigurator: 559 EUR of electric frame plus a top priced by width,
// 20 EUR per 10 cm above 120 cm; the default 140 cm oak top on a black frame
// makes 599 EUR. Walnut veneer is out of stock and ships in three weeks.
func deskConfigurator() *catalog.Configurator {
	const sku = "VT-HO-001"
	frame := func(id, code, hex string, name catalog.Text) catalog.ConfigOption {
		return configOption(id, sku+"-FR-"+code, name, 0, catalog.ConfigModel{Material: "frame", Color: hex})
	}
	walnut := configOption("walnut-veneer", sku+"-TP-WAL", tr("Walnut veneer", "Chapa de nogal", "胡桃木贴面", "Furnir de nuc"), 90,
		catalog.ConfigModel{Material: "top", Color: "#5b3b24"})
	walnut.Available, walnut.LeadTimeDays = false, 21
	return &catalog.Configurator{
		Product: "standing-desk", Base: catalog.EUR(55900), BaseSKU: sku + "-BASE",
		BaseName:     tr("Electric sit-stand frame", "Estructura eléctrica de altura regulable", "电动升降桌架", "Cadru electric reglabil pe înălțime"),
		LeadTimeDays: 3,
		Steps: []catalog.ConfigStep{
			{ID: "top", Name: tr("Desktop", "Tablero", "桌面", "Blat")},
			{ID: "frame", Name: tr("Frame", "Estructura", "桌架", "Cadru")},
			{ID: "extras", Name: tr("Extras", "Complementos", "配件", "Accesorii")},
		},
		Dimensions: []catalog.ConfigDimension{{
			ID: "width", Step: "top", Name: tr("Top width", "Ancho del tablero", "桌面宽度", "Lățimea blatului"),
			Unit: "cm", Min: 120, Max: 180, Increment: 10, Default: 140,
			PricePerIncrement: catalog.EUR(2000), SKU: sku + "-TP-W",
			Model: catalog.ConfigModel{Nodes: []string{"top"}, Axis: "x"},
		}},
		Choices: []catalog.ConfigChoice{
			{ID: "top", Step: "top", Name: tr("Top material", "Material del tablero", "桌面材质", "Materialul blatului"), Required: true, Default: "oak-veneer",
				Options: []catalog.ConfigOption{
					configOption("oak-veneer", sku+"-TP-OAK", tr("Oak veneer", "Chapa de roble", "橡木贴面", "Furnir de stejar"), 0,
						catalog.ConfigModel{Material: "top", Color: "#c8a27a"}),
					walnut,
					configOption("white-laminate", sku+"-TP-WHI", tr("White laminate", "Laminado blanco", "白色层压板", "Laminat alb"), -30,
						catalog.ConfigModel{Material: "top", Color: "#f4f4f2"}),
				}},
			{ID: "frame-colour", Step: "frame", Name: tr("Frame colour", "Color de la estructura", "桌架颜色", "Culoarea cadrului"), Required: true, Default: "black",
				Options: []catalog.ConfigOption{
					frame("black", "BLK", "#1d1d1f", tr("Black", "Negro", "黑色", "Negru")),
					frame("white", "WHT", "#f2f2f2", tr("White", "Blanco", "白色", "Alb")),
					frame("grey", "GRY", "#8a8d91", tr("Grey", "Gris", "灰色", "Gri")),
				}},
			{ID: "drawer", Step: "extras", Name: tr("Drawer unit", "Cajonera", "抽屉柜", "Corp cu sertare"), Options: []catalog.ConfigOption{
				configOption("drawer-unit", sku+"-DRW", tr("Drawer unit", "Cajonera", "抽屉柜", "Corp cu sertare"), 79,
					catalog.ConfigModel{Nodes: []string{"drawer-unit"}}),
			}},
			{ID: "cable-tray", Step: "extras", Name: tr("Cable tray", "Bandeja pasacables", "理线槽", "Tavă pentru cabluri"), Options: []catalog.ConfigOption{
				configOption("cable-tray", sku+"-CT", tr("Cable tray", "Bandeja pasacables", "理线槽", "Tavă pentru cabluri"), 29,
					catalog.ConfigModel{Nodes: []string{"cable-tray"}}),
			}},
			{ID: "monitor-arm", Step: "extras", Name: tr("Monitor arm", "Brazo para monitor", "显示器支臂", "Braț pentru monitor"), Options: []catalog.ConfigOption{
				configOption("monitor-arm", sku+"-MA", tr("Monitor arm", "Brazo para monitor", "显示器支臂", "Braț pentru monitor"), 69,
					catalog.ConfigModel{Nodes: []string{"monitor-arm"}}),
			}},
		},
		Rules: []catalog.ConfigRule{
			{Kind: catalog.RuleMinDimension, If: configRef("drawer", "drawer-unit"), Dimension: "width", Min: 140},
			{Kind: catalog.RuleRequires, If: configRef("monitor-arm", "monitor-arm"), Then: configRef("cable-tray", "cable-tray")},
		},
		AccessoryRules: []catalog.ConfigAccessory{
			{Product: "monitor-27", When: []catalog.ConfigRef{configRef("monitor-arm", "monitor-arm")}},
			{Product: "ergonomic-chair"},
			{Product: "desk-lamp"},
		},
	}
}

// bikeConfigurator: 749 EUR with every default. Hub dynamo lighting is built
// for the 28-inch wheels, and the sport saddle does not suit the upright
// position of the swept-back handlebar.
func bikeConfigurator() *catalog.Configurator {
	const sku = "VT-CY-001"
	size := func(id, code string, scale float64, name catalog.Text) catalog.ConfigOption {
		return configOption(id, sku+"-FS-"+code, name, 0, catalog.ConfigModel{Nodes: []string{"bike-frame"}, Scale: scale})
	}
	colour := func(id, code, hex string, euros int64, name catalog.Text) catalog.ConfigOption {
		return configOption(id, sku+"-CL-"+code, name, euros, catalog.ConfigModel{Material: "bike-frame", Color: hex})
	}
	plain := func(id, code string, euros int64, node string, name catalog.Text) catalog.ConfigOption {
		return configOption(id, sku+"-"+code, name, euros, catalog.ConfigModel{Nodes: []string{node}})
	}
	return &catalog.Configurator{
		Product: "city-bike", Base: catalog.EUR(74900), BaseSKU: sku + "-BASE",
		BaseName:     tr("Aluminium frame and drivetrain", "Cuadro de aluminio y transmisión", "铝合金车架与传动系统", "Cadru din aluminiu și transmisie"),
		LeadTimeDays: 4,
		Steps: []catalog.ConfigStep{
			{ID: "frame", Name: tr("Frame", "Cuadro", "车架", "Cadru")},
			{ID: "ride", Name: tr("Wheels and comfort", "Ruedas y comodidad", "车轮与舒适", "Roți și confort")},
			{ID: "extras", Name: tr("Extras", "Complementos", "配件", "Accesorii")},
		},
		Choices: []catalog.ConfigChoice{
			{ID: "frame-size", Step: "frame", Name: tr("Frame size", "Talla del cuadro", "车架尺寸", "Mărimea cadrului"), Required: true, Default: "m",
				Options: []catalog.ConfigOption{
					size("s", "S", 0.93, tr("S frame (155–165 cm)", "Cuadro S (155–165 cm)", "S 号车架（155–165 厘米）", "Cadru S (155–165 cm)")),
					size("m", "M", 1, tr("M frame (165–180 cm)", "Cuadro M (165–180 cm)", "M 号车架（165–180 厘米）", "Cadru M (165–180 cm)")),
					size("l", "L", 1.06, tr("L frame (180–190 cm)", "Cuadro L (180–190 cm)", "L 号车架（180–190 厘米）", "Cadru L (180–190 cm)")),
					size("xl", "XL", 1.12, tr("XL frame (190–200 cm)", "Cuadro XL (190–200 cm)", "XL 号车架（190–200 厘米）", "Cadru XL (190–200 cm)")),
				}},
			{ID: "colour", Step: "frame", Name: tr("Frame colour", "Color del cuadro", "车架颜色", "Culoarea cadrului"), Required: true, Default: "graphite",
				Options: []catalog.ConfigOption{
					colour("graphite", "GRA", "#3b3d40", 0, tr("Graphite", "Grafito", "石墨灰", "Grafit")),
					colour("forest-green", "GRN", "#2f5a3c", 0, tr("Forest green", "Verde bosque", "森林绿", "Verde pădure")),
					colour("cream", "CRM", "#efe6d2", 0, tr("Cream", "Crema", "奶油白", "Crem")),
					colour("petrol", "PET", "#1f5f6b", 30, tr("Petrol blue", "Azul petróleo", "石油蓝", "Albastru petrol")),
				}},
			{ID: "wheels", Step: "ride", Name: tr("Wheels", "Ruedas", "车轮", "Roți"), Required: true, Default: "28-inch",
				Options: []catalog.ConfigOption{
					plain("26-inch", "WH-26", 0, "wheels-26", tr("26-inch wheels", "Ruedas de 26 pulgadas", "26 英寸车轮", "Roți de 26 inchi")),
					plain("28-inch", "WH-28", 0, "wheels-28", tr("28-inch wheels", "Ruedas de 28 pulgadas", "28 英寸车轮", "Roți de 28 inchi")),
				}},
			{ID: "handlebar", Step: "ride", Name: tr("Handlebar", "Manillar", "车把", "Ghidon"), Required: true, Default: "swept-back",
				Options: []catalog.ConfigOption{
					plain("riser", "HB-RIS", 15, "handlebar-riser", tr("Riser handlebar", "Manillar elevado", "燕把", "Ghidon înălțat")),
					plain("flat", "HB-FLT", 0, "handlebar-flat", tr("Flat handlebar", "Manillar recto", "平把", "Ghidon drept")),
					plain("swept-back", "HB-SWB", 0, "handlebar-swept", tr("Swept-back handlebar", "Manillar curvado hacia atrás", "后掠把", "Ghidon curbat spre spate")),
				}},
			{ID: "saddle", Step: "ride", Name: tr("Saddle", "Sillín", "车座", "Șa"), Required: true, Default: "comfort",
				Options: []catalog.ConfigOption{
					plain("sport", "SD-SPT", 0, "saddle-sport", tr("Sport saddle", "Sillín deportivo", "运动座垫", "Șa sport")),
					plain("comfort", "SD-CMF", 0, "saddle-comfort", tr("Comfort saddle", "Sillín confort", "舒适座垫", "Șa confort")),
					plain("gel", "SD-GEL", 25, "saddle-comfort", tr("Gel saddle", "Sillín de gel", "凝胶座垫", "Șa cu gel")),
				}},
			{ID: "lights", Step: "extras", Name: tr("Lights", "Luces", "车灯", "Lumini"),
				Options: []catalog.ConfigOption{
					plain("battery", "LT-BAT", 35, "lights", tr("Battery lighting", "Iluminación a pilas", "电池照明", "Iluminare cu baterii")),
					plain("dynamo", "LT-DYN", 119, "lights", tr("Hub dynamo lighting", "Iluminación con dinamo en el buje", "花鼓发电照明", "Iluminare cu dinam în butuc")),
				}},
			{ID: "rack", Step: "extras", Name: tr("Rack", "Portaequipajes", "货架", "Portbagaj"),
				Options: []catalog.ConfigOption{
					plain("rear", "RK-R", 45, "rack-rear", tr("Rear rack", "Portaequipajes trasero", "后货架", "Portbagaj spate")),
					{ID: "front-rear", SKU: sku + "-RK-FR", Price: catalog.EUR(8900), Available: true,
						Name:  tr("Front and rear racks", "Portaequipajes delantero y trasero", "前后货架", "Portbagaj față și spate"),
						Model: catalog.ConfigModel{Nodes: []string{"rack-rear", "rack-front"}}},
				}},
		},
		Rules: []catalog.ConfigRule{
			{Kind: catalog.RuleRequires, If: configRef("lights", "dynamo"), Then: configRef("wheels", "28-inch")},
			{Kind: catalog.RuleExcludes, If: configRef("saddle", "sport"), Then: configRef("handlebar", "swept-back")},
		},
		AccessoryRules: []catalog.ConfigAccessory{
			{Product: "bike-light-set", Unless: []catalog.ConfigRef{{Choice: "lights"}}},
			{Product: "u-lock"},
			{Product: "cycling-helmet"},
		},
	}
}
