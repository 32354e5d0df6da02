import { CitesAppendix, Product, QuantityUnit } from "../../domain/vocabulary.js";

/**
 * Real CITES-listed species the generated shipments carry, with what is traded of each. Names,
 * appendix, taxonomy and English common names are those of the CITES species index of 2017; `range`
 * is a subset of that index's distribution codes (a test checks all of it against
 * `../shared/data/cites-species-index-2017`). Where the index lists a split listing (I/II), the
 * stricter appendix is given, as the populations in trade are the Appendix I ones.
 */
export interface ProductProfile {
  readonly product: Product;
  /** How records count it: by weight, or by pieces or individuals of about `kgPerItem` each. */
  readonly unit: QuantityUnit;
  readonly kgPerItem: number | null;
  /** What raw text calls it: "tusks", "live pangolins" for counts; "pangolin scales" after "kg of". */
  readonly noun: string;
  /** Range of weight of a large sea consignment; other modes carry a fraction of it. */
  readonly seaKg: readonly [number, number];
}

export interface Species {
  readonly id: string;
  readonly scientificName: string;
  readonly citesAppendix: CitesAppendix;
  readonly taxonClass: string;
  readonly order: string;
  readonly family: string;
  readonly genus: string;
  readonly commonNamesEn: readonly string[];
  /** Countries (ISO alpha-2) where it occurs and where shipments of it may start. */
  readonly range: readonly string[];
  readonly products: readonly ProductProfile[];
}

const { KG, PIECES, INDIVIDUALS } = QuantityUnit;

function by(product: Product, unit: QuantityUnit, kgPerItem: number | null, noun: string, seaKg: [number, number]): ProductProfile {
  return { product, unit, kgPerItem, noun, seaKg };
}

function species(
  scientificName: string,
  citesAppendix: CitesAppendix,
  [taxonClass, order, family]: [string, string, string],
  commonNamesEn: string[],
  range: string[],
  products: ProductProfile[],
): Species {
  const id = scientificName.toLowerCase().replaceAll(" ", "-");
  const genus = scientificName.split(" ")[0];
  return { id, scientificName, citesAppendix, taxonClass, order, family, genus, commonNamesEn, range, products };
}

const PANGOLIN: [string, string, string] = ["Mammalia", "Pholidota", "Manidae"];
const pangolinScales = by(Product.SCALES, KG, null, "pangolin scales", [800, 12000]);

export const speciesList: readonly Species[] = [
  species("Manis javanica", CitesAppendix.I, PANGOLIN, ["Sunda Pangolin", "Malayan Pangolin"],
    ["MY", "TH", "MM", "LA", "KH", "VN"],
    [pangolinScales, by(Product.LIVE, INDIVIDUALS, 5, "live pangolins", [200, 1500]),
      by(Product.MEAT, INDIVIDUALS, 4, "frozen pangolins", [500, 5000])]),
  species("Manis pentadactyla", CitesAppendix.I, PANGOLIN, ["Chinese Pangolin"],
    ["MM", "LA", "VN", "TH"],
    [pangolinScales, by(Product.LIVE, INDIVIDUALS, 4, "live pangolins", [100, 800])]),
  species("Manis tricuspis", CitesAppendix.I, PANGOLIN, ["White-bellied Pangolin", "Tree Pangolin"],
    ["NG", "CM", "CD", "CG", "CI", "TG", "UG"], [pangolinScales]),
  species("Manis tetradactyla", CitesAppendix.I, PANGOLIN, ["Black-bellied Pangolin", "Long-tailed Pangolin"],
    ["NG", "CM", "CD", "CG", "CI"], [pangolinScales]),
  species("Manis gigantea", CitesAppendix.I, PANGOLIN, ["Giant Pangolin", "Giant Ground Pangolin"],
    ["NG", "CM", "CD", "CG", "CI", "UG", "KE", "TZ"], [pangolinScales]),
  species("Manis temminckii", CitesAppendix.I, PANGOLIN, ["Cape Pangolin", "Temminck's Ground Pangolin"],
    ["ZA", "MZ", "KE", "TZ", "UG", "ET"], [pangolinScales, by(Product.LIVE, INDIVIDUALS, 8, "live pangolins", [50, 300])]),
  species("Loxodonta africana", CitesAppendix.I, ["Mammalia", "Proboscidea", "Elephantidae"], ["African Elephant"],
    ["NG", "CM", "CD", "CG", "CI", "TG", "KE", "TZ", "UG", "MZ", "ZA", "ET"],
    [by(Product.RAW_IVORY, KG, null, "raw ivory", [400, 7000]),
      by(Product.RAW_IVORY, PIECES, 9, "tusks", [300, 4000]),
      by(Product.WORKED_IVORY, PIECES, 0.4, "ivory carvings", [50, 800])]),
  species("Elephas maximus", CitesAppendix.I, ["Mammalia", "Proboscidea", "Elephantidae"], ["Asian Elephant"],
    ["MM", "LA", "TH", "KH", "VN", "MY"],
    [by(Product.WORKED_IVORY, PIECES, 0.3, "ivory bangles and carvings", [20, 300]),
      by(Product.SKIN, KG, null, "elephant skin", [50, 800])]),
  species("Ceratotherium simum", CitesAppendix.I, ["Mammalia", "Perissodactyla", "Rhinocerotidae"], ["White Rhinoceros"],
    ["ZA", "MZ", "KE", "UG"],
    [by(Product.HORN, KG, null, "rhino horn", [20, 400]), by(Product.HORN, PIECES, 2.5, "rhino horns", [10, 300])]),
  species("Diceros bicornis", CitesAppendix.I, ["Mammalia", "Perissodactyla", "Rhinocerotidae"], ["Black Rhinoceros"],
    ["ZA", "MZ", "KE", "TZ"],
    [by(Product.HORN, KG, null, "rhino horn", [10, 200]), by(Product.HORN, PIECES, 1.8, "rhino horns", [5, 150])]),
  species("Panthera tigris", CitesAppendix.I, ["Mammalia", "Carnivora", "Felidae"], ["Tiger"],
    ["TH", "LA", "MM", "MY", "VN", "KH"],
    [by(Product.BONE, KG, null, "tiger bone", [20, 600]), by(Product.SKIN, PIECES, 4, "tiger skins", [8, 120]),
      by(Product.LIVE, INDIVIDUALS, 6, "live tiger cubs", [10, 100]), by(Product.MEAT, KG, null, "frozen tiger meat", [50, 800]),
      by(Product.OTHER, PIECES, 0.05, "tiger teeth and claws", [1, 20])]),
  species("Panthera pardus", CitesAppendix.I, ["Mammalia", "Carnivora", "Felidae"], ["Leopard"],
    ["TH", "LA", "MM", "VN", "KH", "KE", "TZ", "MZ", "ZA", "CD"],
    [by(Product.SKIN, PIECES, 2, "leopard skins", [5, 80]), by(Product.BONE, KG, null, "leopard bone", [10, 200])]),
  species("Panthera leo", CitesAppendix.I, ["Mammalia", "Carnivora", "Felidae"], ["Lion"],
    ["ZA", "MZ", "KE", "TZ", "ET", "UG"],
    [by(Product.BONE, KG, null, "lion bone", [100, 2000]), by(Product.OTHER, PIECES, 0.05, "lion teeth and claws", [1, 30])]),
  species("Neofelis nebulosa", CitesAppendix.I, ["Mammalia", "Carnivora", "Felidae"], ["Clouded Leopard"],
    ["TH", "LA", "MM", "VN", "KH", "MY"], [by(Product.SKIN, PIECES, 1.5, "clouded leopard skins", [3, 60])]),
  species("Totoaba macdonaldi", CitesAppendix.I, ["Actinopteri", "Perciformes", "Sciaenidae"], ["Totoaba"],
    ["MX"],
    [by(Product.SWIM_BLADDER, KG, null, "totoaba swim bladders", [100, 2000]),
      by(Product.SWIM_BLADDER, PIECES, 0.5, "totoaba swim bladders", [50, 1000])]),
  species("Ursus thibetanus", CitesAppendix.I, ["Mammalia", "Carnivora", "Ursidae"], ["Asian Black Bear"],
    ["LA", "MM", "VN", "TH", "KH"],
    [by(Product.OTHER, PIECES, 0.1, "bear gall bladders", [2, 60]), by(Product.MEAT, PIECES, 1.2, "bear paws", [20, 400]),
      by(Product.LIVE, INDIVIDUALS, 8, "live bear cubs", [10, 80])]),
  species("Helarctos malayanus", CitesAppendix.I, ["Mammalia", "Carnivora", "Ursidae"], ["Sun Bear"],
    ["LA", "MM", "TH", "KH", "VN", "MY"],
    [by(Product.LIVE, INDIVIDUALS, 6, "live sun bear cubs", [10, 60]), by(Product.OTHER, PIECES, 0.1, "bear gall bladders", [2, 40])]),
  species("Psittacus erithacus", CitesAppendix.I, ["Aves", "Psittaciformes", "Psittacidae"], ["Grey Parrot"],
    ["CM", "CD", "CG", "CI", "NG", "TG", "UG"],
    [by(Product.LIVE, INDIVIDUALS, 0.45, "live grey parrots", [50, 600]), by(Product.EGGS, PIECES, 0.02, "parrot eggs", [1, 10])]),
  species("Python reticulatus", CitesAppendix.II, ["Reptilia", "Serpentes", "Pythonidae"], ["Reticulated Python"],
    ["MY", "TH", "MM", "LA", "KH", "VN"],
    [by(Product.SKIN, PIECES, 3, "python skins", [300, 4000]), by(Product.LIVE, INDIVIDUALS, 12, "live pythons", [100, 1500])]),
  species("Varanus salvator", CitesAppendix.II, ["Reptilia", "Sauria", "Varanidae"], ["Water Monitor"],
    ["MY", "TH", "MM", "LA", "KH", "VN"],
    [by(Product.SKIN, PIECES, 0.6, "monitor lizard skins", [100, 2000]), by(Product.LIVE, INDIVIDUALS, 3, "live monitor lizards", [50, 900])]),
  species("Cuora amboinensis", CitesAppendix.II, ["Reptilia", "Testudines", "Geoemydidae"], ["Malaysian Box Turtle"],
    ["MY", "TH", "MM", "LA", "KH", "VN"], [by(Product.LIVE, INDIVIDUALS, 0.6, "live box turtles", [100, 3000])]),
  species("Crocodylus siamensis", CitesAppendix.I, ["Reptilia", "Crocodylia", "Crocodylidae"], ["Siamese Crocodile"],
    ["KH", "TH", "LA", "VN", "MM"],
    [by(Product.SKIN, PIECES, 3, "crocodile skins", [50, 1500]), by(Product.LIVE, INDIVIDUALS, 5, "live hatchlings", [50, 600])]),
  species("Hippopotamus amphibius", CitesAppendix.II, ["Mammalia", "Artiodactyla", "Hippopotamidae"], ["Hippopotamus"],
    ["KE", "TZ", "UG", "MZ", "ZA", "CD"], [by(Product.OTHER, KG, null, "hippo teeth", [50, 1500])]),
  species("Geochelone platynota", CitesAppendix.I, ["Reptilia", "Testudines", "Testudinidae"], ["Burmese Starred Tortoise"],
    ["MM"], [by(Product.LIVE, INDIVIDUALS, 1, "live starred tortoises", [20, 300])]),
  species("Astrochelys radiata", CitesAppendix.I, ["Reptilia", "Testudines", "Testudinidae"], ["Radiated Tortoise"],
    ["MG"], [by(Product.LIVE, INDIVIDUALS, 1.5, "live radiated tortoises", [100, 3000])]),
  species("Hippocampus kuda", CitesAppendix.II, ["Actinopteri", "Syngnathiformes", "Syngnathidae"], ["Spotted Seahorse"],
    ["TH", "VN", "MY", "KH", "MM", "MG", "TZ", "KE", "MZ"],
    [by(Product.OTHER, KG, null, "dried seahorses", [50, 1500])]),
  species("Eretmochelys imbricata", CitesAppendix.I, ["Reptilia", "Testudines", "Cheloniidae"], ["Hawksbill Turtle"],
    ["MY", "VN", "KH", "TH", "MG", "MZ", "KE", "TZ", "MX"],
    [by(Product.OTHER, PIECES, 1, "hawksbill shells", [20, 900])]),
  species("Sphyrna lewini", CitesAppendix.II, ["Elasmobranchii", "Carcharhiniformes", "Sphyrnidae"], ["Scalloped Hammerhead"],
    ["MX", "MZ", "TZ", "KE", "MG", "MY", "TH", "VN"],
    [by(Product.OTHER, KG, null, "dried shark fins", [200, 5000])]),
];

const byId = new Map(speciesList.map((entry) => [entry.id, entry]));

export function speciesById(id: string): Species {
  const found = byId.get(id);
  if (!found) throw new Error(`no species ${id} in the generator's table`);
  return found;
}
