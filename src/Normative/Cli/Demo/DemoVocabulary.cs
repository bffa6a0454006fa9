namespace Normative.Cli.Demo;

/// <summary>
/// Words for generated titles: for each of the 40 ICS fields, subjects in English and French
/// ("English|French"), and aspects shared by all fields, modelled on how ISO titles read
/// ("Road vehicles — Brake linings — Part 2: Test methods").
/// </summary>
internal static class DemoVocabulary
{
    public static readonly IReadOnlyDictionary<string, string[]> Subjects = new Dictionary<string, string[]>
    {
        ["01"] = ["Terminology work|Travail terminologique", "Technical product documentation|Documentation technique de produits", "Graphical symbols|Symboles graphiques", "Quantities and units|Grandeurs et unités", "Information and documentation|Information et documentation", "Technical drawings|Dessins techniques", "Codes for the representation of names|Codes pour la représentation des noms", "Colour coding|Codification par couleurs"],
        ["03"] = ["Quality management systems|Systèmes de management de la qualité", "Risk management|Management du risque", "Facility management|Facility management", "Human resource management|Management des ressources humaines", "Asset management|Gestion d'actifs", "Business continuity management|Management de la continuité d'activité", "Financial services|Services financiers", "Tourism and related services|Tourisme et services connexes", "Compliance management systems|Systèmes de management de la conformité", "Project management|Management de projet"],
        ["07"] = ["Nanotechnologies|Nanotechnologies", "Microbiology of the food chain|Microbiologie de la chaîne alimentaire", "Biotechnology|Biotechnologie", "Geographic information|Information géographique", "Hydrometry|Hydrométrie", "Surface chemical analysis|Analyse chimique des surfaces", "Statistical methods|Méthodes statistiques", "Forensic sciences|Sciences médico-légales"],
        ["11"] = ["Medical devices|Dispositifs médicaux", "Dentistry|Médecine bucco-dentaire", "Health informatics|Informatique de santé", "Sterilization of health care products|Stérilisation des produits de santé", "Anaesthetic and respiratory equipment|Matériel d'anesthésie et de réanimation respiratoire", "Biological evaluation of medical devices|Évaluation biologique des dispositifs médicaux", "Clinical laboratory testing|Analyses de biologie médicale", "Ophthalmic optics|Optique ophtalmique", "Assistive products|Produits d'assistance", "Non-active surgical implants|Implants chirurgicaux non actifs"],
        ["13"] = ["Environmental management|Management environnemental", "Water quality|Qualité de l'eau", "Air quality|Qualité de l'air", "Soil quality|Qualité du sol", "Occupational health and safety management|Management de la santé et de la sécurité au travail", "Safety of machinery|Sécurité des machines", "Fire safety|Sécurité incendie", "Greenhouse gases|Gaz à effet de serre", "Acoustics|Acoustique", "Personal protective equipment|Équipement de protection individuelle", "Ergonomics|Ergonomie", "Security and resilience|Sécurité et résilience"],
        ["17"] = ["Geometrical product specifications|Spécification géométrique des produits", "Measurement of fluid flow in closed conduits|Mesurage du débit des fluides dans les conduites fermées", "Optics and photonics|Optique et photonique", "Mechanical vibration and shock|Vibrations et chocs mécaniques", "Thermal insulation|Isolation thermique", "Non-destructive testing|Essais non destructifs", "Radiological protection|Radioprotection", "Metrological characteristics of instruments|Caractéristiques métrologiques des instruments"],
        ["19"] = ["Environmental testing|Essais d'environnement", "Mechanical testing of materials|Essais mécaniques des matériaux", "Particle size analysis|Analyse granulométrique", "Conformity assessment|Évaluation de la conformité", "Testing laboratories|Laboratoires d'essais", "Proficiency testing|Essais d'aptitude"],
        ["21"] = ["Rolling bearings|Roulements", "Plain bearings|Paliers lisses", "Fasteners|Éléments de fixation", "Gears|Engrenages", "Springs|Ressorts", "Shaft couplings|Accouplements d'arbres", "Belt drives|Transmissions par courroies", "ISO general purpose metric screw threads|Filetages métriques ISO pour usages généraux", "Seals for fluid power systems|Joints pour transmissions hydrauliques et pneumatiques"],
        ["23"] = ["Industrial valves|Robinetterie industrielle", "Hydraulic fluid power|Transmissions hydrauliques", "Pneumatic fluid power|Transmissions pneumatiques", "Rotodynamic pumps|Pompes rotodynamiques", "Plastics piping systems|Systèmes de canalisations en plastique", "Vacuum technology|Technique du vide", "Compressors|Compresseurs", "Gas cylinders|Bouteilles à gaz"],
        ["25"] = ["Additive manufacturing|Fabrication additive", "Industrial automation systems and integration|Systèmes d'automatisation industrielle et intégration", "Robotics|Robotique", "Machine tools|Machines-outils", "Welding and allied processes|Soudage et techniques connexes", "Cutting tools|Outils coupants", "Metallic and other inorganic coatings|Revêtements métalliques et autres revêtements inorganiques", "Test conditions for machining centres|Conditions d'essai des centres d'usinage"],
        ["27"] = ["Energy management systems|Systèmes de management de l'énergie", "Solar energy|Énergie solaire", "Hydrogen technologies|Technologies de l'hydrogène", "Nuclear energy|Énergie nucléaire", "Wind energy generation systems|Systèmes de génération d'énergie éolienne", "Heat pumps|Pompes à chaleur", "Gas turbines|Turbines à gaz", "Energy savings|Économies d'énergie"],
        ["29"] = ["Electrical insulating materials|Matériaux isolants électriques", "Rotating electrical machines|Machines électriques tournantes", "Secondary cells and batteries|Accumulateurs", "Electric vehicle conductive charging|Charge conductive des véhicules électriques", "Power transformers|Transformateurs de puissance", "Cables and wires|Câbles et conducteurs"],
        ["31"] = ["Semiconductor devices|Dispositifs à semiconducteurs", "Printed boards|Cartes imprimées", "Optoelectronic devices|Dispositifs optoélectroniques", "Capacitors|Condensateurs", "Piezoelectric devices|Dispositifs piézoélectriques", "Integrated circuits|Circuits intégrés"],
        ["33"] = ["Telecommunications and information exchange between systems|Télécommunications et échange d'information entre systèmes", "Coding of audio-visual objects|Codage des objets audiovisuels", "Radio-frequency identification|Identification par radiofréquence", "Optical fibre communication|Communication par fibres optiques", "Near field communication|Communication en champ proche", "Broadcasting|Radiodiffusion"],
        ["35"] = ["Information technology|Technologies de l'information", "Information security management systems|Systèmes de management de la sécurité de l'information", "Artificial intelligence|Intelligence artificielle", "Cloud computing|Informatique en nuage", "Software and systems engineering|Ingénierie du logiciel et des systèmes", "Programming languages|Langages de programmation", "Biometrics|Biométrie", "Identification cards|Cartes d'identification", "Database languages|Langages de bases de données", "Internet of things|Internet des objets", "Blockchain and distributed ledger technologies|Chaînes de blocs et technologies de registre distribué", "Privacy protection|Protection de la vie privée"],
        ["37"] = ["Photography|Photographie", "Cinematography|Cinématographie", "Document imaging applications|Applications de gestion de documents par l'image", "Micrographics|Micrographie", "Graphic technology|Technologie graphique", "Digital imaging|Imagerie numérique"],
        ["39"] = ["Jewellery and precious metals|Joaillerie, bijouterie et métaux précieux", "Horology|Horlogerie", "Watch glasses|Verres de montres", "Determination of precious metals in jewellery alloys|Dosage des métaux précieux dans les alliages de bijouterie"],
        ["43"] = ["Road vehicles|Véhicules routiers", "Passenger cars|Voitures particulières", "Electrically propelled road vehicles|Véhicules routiers à propulsion électrique", "Motorcycles|Motocycles", "Brake linings|Garnitures de frein", "Functional safety of road vehicles|Sécurité fonctionnelle des véhicules routiers", "Intelligent transport systems|Systèmes de transport intelligents", "Tyres|Pneumatiques", "Cybersecurity engineering for road vehicles|Ingénierie de la cybersécurité des véhicules routiers"],
        ["45"] = ["Railway applications|Applications ferroviaires", "Rolling stock|Matériel roulant", "Railway track|Voie ferrée", "Railway signalling|Signalisation ferroviaire", "Urban guided transport|Transport guidé urbain"],
        ["47"] = ["Ships and marine technology|Navires et technologie maritime", "Small craft|Petits navires", "Shipbuilding|Construction navale", "Inland navigation vessels|Bateaux de navigation intérieure", "Offshore structures|Structures en mer"],
        ["49"] = ["Aerospace|Aéronautique et espace", "Space systems|Systèmes spatiaux", "Aircraft ground equipment|Matériel au sol pour aéronefs", "Unmanned aircraft systems|Aéronefs sans équipage", "Aerospace fluid systems|Systèmes de fluides aérospatiaux", "Air cargo equipment|Matériel de fret aérien"],
        ["53"] = ["Cranes|Appareils de levage à charge suspendue", "Industrial trucks|Chariots de manutention", "Conveyor belts|Courroies transporteuses", "Continuous mechanical handling equipment|Engins de manutention continue", "Lifting appliances|Appareils de levage"],
        ["55"] = ["Packaging|Emballages", "Freight containers|Conteneurs pour le transport de marchandises", "Transport packages|Emballages d'expédition", "Pallets for materials handling|Palettes pour la manutention", "Packaging and the environment|Emballages et environnement", "Child-resistant packaging|Emballages à l'épreuve des enfants"],
        ["59"] = ["Textiles|Textiles", "Leather|Cuir", "Textile machinery|Matériel pour l'industrie textile", "Geosynthetics|Géosynthétiques", "Textile floor coverings|Revêtements de sol textiles", "Yarns|Fils"],
        ["61"] = ["Footwear|Chaussures", "Size designation of clothes|Désignation des tailles des vêtements", "Care labelling of textiles|Étiquetage d'entretien des textiles", "Protective clothing|Vêtements de protection", "Sewing machines|Machines à coudre"],
        ["65"] = ["Tractors and machinery for agriculture and forestry|Tracteurs et matériels agricoles et forestiers", "Irrigation equipment|Matériel d'irrigation", "Fertilizers and soil conditioners|Engrais et amendements", "Animal feeding stuffs|Aliments des animaux", "Plant protection equipment|Matériel de protection des cultures", "Tobacco and tobacco products|Tabac et produits du tabac"],
        ["67"] = ["Food safety management systems|Systèmes de management de la sécurité des denrées alimentaires", "Milk and milk products|Lait et produits laitiers", "Cereals and pulses|Céréales et légumineuses", "Animal and vegetable fats and oils|Corps gras d'origines animale et végétale", "Coffee|Café", "Tea|Thé", "Spices and condiments|Épices et aromates", "Meat and meat products|Viandes et produits à base de viande", "Fruit and vegetable products|Produits dérivés des fruits et légumes", "Sensory analysis|Analyse sensorielle"],
        ["71"] = ["Essential oils|Huiles essentielles", "Surface active agents|Agents de surface", "Cosmetics|Cosmétiques", "Industrial chemicals|Produits chimiques industriels", "Laboratory glassware|Verrerie de laboratoire", "Explosives for civil uses|Explosifs à usage civil"],
        ["73"] = ["Coal|Charbon", "Iron ores|Minerais de fer", "Mining|Exploitation minière", "Copper, lead and zinc concentrates|Concentrés de cuivre, de plomb et de zinc", "Aluminium ores|Minerais d'aluminium"],
        ["75"] = ["Petroleum and natural gas industries|Industries du pétrole et du gaz naturel", "Petroleum products|Produits pétroliers", "Natural gas|Gaz naturel", "Lubricants|Lubrifiants", "Liquefied natural gas|Gaz naturel liquéfié", "Pipeline transportation systems|Systèmes de transport par conduites"],
        ["77"] = ["Steel|Acier", "Aluminium and aluminium alloys|Aluminium et alliages d'aluminium", "Copper and copper alloys|Cuivre et alliages de cuivre", "Metallic materials|Matériaux métalliques", "Corrosion of metals and alloys|Corrosion des métaux et alliages", "Titanium and titanium alloys|Titane et alliages de titane", "Cast irons|Fontes", "Hardmetals|Métaux-durs"],
        ["79"] = ["Wood-based panels|Panneaux à base de bois", "Timber structures|Structures en bois", "Sawn timber|Bois sciés", "Wood flooring|Parquets", "Round and sawn timber|Bois ronds et bois sciés"],
        ["81"] = ["Glass in building|Verre dans la construction", "Fine ceramics|Céramiques techniques", "Ceramic tiles|Carreaux céramiques", "Refractory products|Produits réfractaires", "Vitreous and porcelain enamels|Émaux vitrifiés"],
        ["83"] = ["Plastics|Plastiques", "Rubber|Caoutchouc", "Rubber and plastics hoses|Tuyaux en caoutchouc et en plastique", "Adhesives|Adhésifs", "Composites|Composites", "Cellular plastics|Plastiques alvéolaires"],
        ["85"] = ["Paper and board|Papier et carton", "Pulps|Pâtes", "Paper, board and pulps|Papier, carton et pâtes", "Tissue paper|Papier tissu", "Corrugated fibreboard|Carton ondulé"],
        ["87"] = ["Paints and varnishes|Peintures et vernis", "Binders for paints and varnishes|Liants pour peintures et vernis", "Pigments and extenders|Pigments et matières de charge", "Printing inks|Encres d'imprimerie", "Preparation of steel substrates before application of paints|Préparation des subjectiles d'acier avant application de peintures"],
        ["91"] = ["Buildings and civil engineering works|Bâtiments et ouvrages de génie civil", "Building information modelling|Modélisation des informations de la construction", "Thermal performance of buildings|Performance thermique des bâtiments", "Concrete|Béton", "Fire resistance tests|Essais de résistance au feu", "Sustainability in buildings|Développement durable dans le bâtiment", "Windows and doors|Fenêtres et portes", "Elevators|Ascenseurs"],
        ["93"] = ["Geotechnical investigation and testing|Reconnaissance et essais géotechniques", "Road construction|Construction routière", "Hydraulic structures|Ouvrages hydrauliques", "Tunnels|Tunnels", "Bridges|Ponts", "Water supply systems|Systèmes d'alimentation en eau"],
        ["95"] = ["Military equipment|Matériel militaire", "Defence logistics|Logistique de défense", "Weapons|Armes", "Ammunition|Munitions"],
        ["97"] = ["Household appliances|Appareils électrodomestiques", "Furniture|Ameublement", "Toys|Jouets", "Sports equipment|Équipements sportifs", "Playground equipment|Équipements de terrains de jeux", "Kitchen equipment|Équipements de cuisine", "Swimming pools|Piscines", "Child care articles|Articles de puériculture"],
    };

    /// <summary>The second (or third) element of a title.</summary>
    public static readonly string[] Aspects =
    [
        "Requirements|Exigences",
        "Requirements with guidance for use|Exigences et lignes directrices pour son utilisation",
        "Guidelines|Lignes directrices",
        "Vocabulary|Vocabulaire",
        "Test methods|Méthodes d'essai",
        "Terms and definitions|Termes et définitions",
        "Specifications|Spécifications",
        "General principles|Principes généraux",
        "Determination of mechanical properties|Détermination des propriétés mécaniques",
        "Determination of water content|Détermination de la teneur en eau",
        "Determination of density|Détermination de la masse volumique",
        "Sampling|Échantillonnage",
        "Safety requirements|Exigences de sécurité",
        "Performance requirements|Exigences de performance",
        "Dimensions and tolerances|Dimensions et tolérances",
        "Marking and labelling|Marquage et étiquetage",
        "Classification|Classification",
        "Designation system|Système de désignation",
        "Calibration|Étalonnage",
        "Measurement of emissions|Mesurage des émissions",
        "Environmental aspects|Aspects environnementaux",
        "Data exchange format|Format d'échange de données",
        "Interoperability|Interopérabilité",
        "Conformity assessment|Évaluation de la conformité",
        "Design and installation|Conception et installation",
        "Operation and maintenance|Exploitation et maintenance",
        "Risk assessment|Appréciation du risque",
        "Life cycle assessment|Analyse du cycle de vie",
        "Performance evaluation|Évaluation des performances",
        "Competence requirements for personnel|Exigences de compétence du personnel",
        "Quality assurance|Assurance de la qualité",
        "Information security controls|Mesures de sécurité de l'information",
        "Accelerated ageing tests|Essais de vieillissement accéléré",
        "Corrosion resistance|Résistance à la corrosion",
        "Chemical analysis|Analyse chimique",
        "Method using gas chromatography|Méthode par chromatographie en phase gazeuse",
        "Evaluation of fatigue strength|Évaluation de la résistance à la fatigue",
        "Reference architecture|Architecture de référence",
        "Management of documents|Gestion des documents",
        "Characteristics and test conditions|Caractéristiques et conditions d'essai",
    ];

    /// <summary>How a scope begins, by deliverable type (English|French).</summary>
    public static readonly string[] ScopeOpenings =
    [
        "This document specifies|Le présent document spécifie",
        "This document establishes|Le présent document établit",
        "This document gives guidelines on|Le présent document fournit des lignes directrices sur",
        "This document describes|Le présent document décrit",
        "This document defines|Le présent document définit",
    ];

    public static (string En, string Fr) Split(string pair)
    {
        var bar = pair.IndexOf('|', StringComparison.Ordinal);
        return (pair[..bar], pair[(bar + 1)..]);
    }
}
