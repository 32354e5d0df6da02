import { TransportMode } from "../../domain/vocabulary.js";

/**
 * Trafficking corridors as reported in seizure data (C4ADS, TRAFFIC, UNODC World WISE, EIA): which
 * species leave from where, by which modes, through which hubs, to which markets. Each generated
 * shipment follows one corridor; each ring works one corridor. Place ids refer to `places.ts`.
 */

/** Routes built from hubs: an origin, up to `maxTransits` distinct transit hubs, a destination. */
export interface HubPlan {
  readonly kind: "hubs";
  readonly origins: readonly string[];
  readonly transits: readonly string[];
  readonly destinations: readonly string[];
  readonly maxTransits: number;
}

/** Routes that follow fixed chains of places, as overland and river routes do. */
export interface ChainPlan {
  readonly kind: "chains";
  readonly chains: readonly (readonly string[])[];
}

export type RoutePlan = HubPlan | ChainPlan;

/** Which plan a mode uses: air cargo, luggage and post all fly. */
export type PlanKey = "sea" | "air" | "road" | "river" | "rail";

export function planKeyOf(mode: TransportMode): PlanKey {
  switch (mode) {
    case TransportMode.SEA:
      return "sea";
    case TransportMode.ROAD:
      return "road";
    case TransportMode.RIVER:
      return "river";
    case TransportMode.RAIL:
      return "rail";
    default:
      return "air";
  }
}

export interface Corridor {
  readonly id: string;
  readonly label: string;
  /** Its share of the shipments outside rings. */
  readonly weight: number;
  readonly modes: readonly (readonly [TransportMode, number])[];
  readonly plans: Partial<Record<PlanKey, RoutePlan>>;
  /** Species ids it carries; a shipment takes those whose range holds its origin country when any do. */
  readonly species: readonly string[];
  /** Where its shell companies tend to be registered. */
  readonly shellCountries: readonly string[];
}

const { SEA, AIR, PASSENGER_LUGGAGE, POST, ROAD, RIVER, RAIL } = TransportMode;

const loc = (...codes: string[]): string[] => codes.map((code) => `locode:${code}`);
const iata = (...codes: string[]): string[] => codes.map((code) => `iata:${code}`);

export const corridors: readonly Corridor[] = [
  {
    id: "west-central-africa",
    label: "West and Central Africa to East Asia: pangolin scales, ivory, grey parrots",
    weight: 0.22,
    modes: [[SEA, 0.65], [AIR, 0.2], [PASSENGER_LUGGAGE, 0.1], [POST, 0.05]],
    plans: {
      sea: {
        kind: "hubs",
        origins: loc("NGAPP", "CMDLA", "CDMAT", "CGPNR", "CIABJ", "TGLFW"),
        transits: loc("MYPKG", "MYTPP", "SGSIN", "LKCMB", "AEJEA"),
        destinations: loc("VNHPH", "VNCLI", "HKHKG", "CNNSA", "CNHUN", "KHKOS", "THLCH"),
        maxTransits: 2,
      },
      air: {
        kind: "hubs",
        origins: iata("LOS", "DLA", "FIH", "ABJ"),
        transits: iata("ADD", "DOH", "DXB", "IST", "NBO"),
        destinations: iata("HAN", "SGN", "BKK", "CAN", "HKG", "KUL", "VTE", "PNH"),
        maxTransits: 2,
      },
    },
    species: ["manis-tricuspis", "manis-tetradactyla", "manis-gigantea", "loxodonta-africana", "psittacus-erithacus"],
    shellCountries: ["HK", "NG", "AE", "VN"],
  },
  {
    id: "east-africa",
    label: "East Africa to Southeast Asia: ivory, hippo teeth, pangolin scales, rhino horn",
    weight: 0.18,
    modes: [[SEA, 0.55], [AIR, 0.3], [PASSENGER_LUGGAGE, 0.15]],
    plans: {
      sea: {
        kind: "hubs",
        origins: loc("KEMBA", "TZDAR", "TZZNZ", "MZPOL", "MZMPM"),
        transits: loc("MYPKG", "SGSIN", "LKCMB", "AEJEA"),
        destinations: loc("VNHPH", "VNCLI", "HKHKG", "CNNSA", "KHKOS", "THLCH"),
        maxTransits: 2,
      },
      air: {
        kind: "hubs",
        origins: iata("NBO", "DAR", "EBB", "MPM"),
        transits: iata("ADD", "DOH", "DXB", "NBO"),
        destinations: iata("HAN", "SGN", "BKK", "HKG", "CAN", "KUL", "PNH"),
        maxTransits: 2,
      },
    },
    species: [
      "loxodonta-africana", "hippopotamus-amphibius", "manis-temminckii", "manis-gigantea", "diceros-bicornis",
      "panthera-pardus", "panthera-leo",
    ],
    shellCountries: ["HK", "KE", "AE", "MY"],
  },
  {
    id: "southern-africa",
    label: "Southern Africa to Viet Nam, Laos and China by air: rhino horn, lion bone",
    weight: 0.1,
    modes: [[AIR, 0.55], [PASSENGER_LUGGAGE, 0.35], [SEA, 0.1]],
    plans: {
      air: {
        kind: "hubs",
        origins: iata("JNB", "MPM"),
        transits: iata("ADD", "DOH", "DXB", "NBO", "IST"),
        destinations: iata("HAN", "SGN", "BKK", "VTE", "KUL", "CAN", "HKG"),
        maxTransits: 2,
      },
      sea: {
        kind: "hubs",
        origins: loc("MZMPM"),
        transits: loc("SGSIN", "MYPKG"),
        destinations: loc("VNHPH", "KHKOS"),
        maxTransits: 1,
      },
    },
    species: ["ceratotherium-simum", "diceros-bicornis", "panthera-leo", "manis-temminckii", "loxodonta-africana"],
    shellCountries: ["ZA", "MZ", "VN", "LA"],
  },
  {
    id: "mekong-overland",
    label: "The Mekong region overland and by river: tigers, bears, pangolins, reptiles to China and Viet Nam",
    weight: 0.3,
    modes: [[ROAD, 0.6], [RIVER, 0.2], [RAIL, 0.05], [AIR, 0.1], [PASSENGER_LUGGAGE, 0.05]],
    plans: {
      road: {
        kind: "chains",
        chains: [
          loc("LAVTE", "LABTN", "CNMHN", "CNKNM"),
          loc("VNHAN", "VNLCA", "CNHKM", "CNKNM"),
          loc("VNHAN", "VNMOC", "CNDOX", "CNNIN"),
          loc("MMMDL", "CNRUI", "CNKNM"),
          loc("MMTHL", "THMSA", "THBKK"),
          loc("MMTHL", "CNDLO", "CNKNM"),
          loc("THBKK", "THNOK", "LAVTE", "LABTN", "CNMHN", "CNKNM"),
          loc("THBKK", "LATHK", "LANPH", "VNHAN"),
          loc("THBKK", "THMDH", "LASAV", "VNLAO", "VNDAD"),
          loc("KHPNH", "KHBVT", "VNSGN"),
        ],
      },
      river: {
        kind: "chains",
        chains: [loc("THCHS", "CNJOG"), loc("LAHOE", "CNJOG"), loc("THCHK", "LAHOE", "CNJOG")],
      },
      // The Boten–Vientiane railway opened in December 2021; rail shipments are dated from 2022.
      rail: { kind: "chains", chains: [loc("LAVTE", "LABTN", "CNMHN", "CNKNM")] },
      air: {
        kind: "hubs",
        origins: iata("VTE", "BKK", "PNH", "RGN", "KUL"),
        transits: iata("BKK", "KUL"),
        destinations: iata("HAN", "SGN", "CAN", "KMG", "HKG"),
        maxTransits: 1,
      },
    },
    species: [
      "manis-javanica", "manis-pentadactyla", "panthera-tigris", "panthera-pardus", "neofelis-nebulosa",
      "ursus-thibetanus", "helarctos-malayanus", "elephas-maximus", "geochelone-platynota", "cuora-amboinensis",
      "python-reticulatus", "varanus-salvator", "crocodylus-siamensis",
    ],
    shellCountries: ["LA", "HK", "KH", "MM"],
  },
  {
    id: "totoaba-pacific",
    label: "Mexico via the United States to Hong Kong and China: totoaba swim bladders, shark fins",
    weight: 0.08,
    modes: [[AIR, 0.45], [PASSENGER_LUGGAGE, 0.2], [POST, 0.15], [SEA, 0.15], [ROAD, 0.05]],
    plans: {
      air: {
        kind: "hubs",
        origins: iata("TIJ", "MEX", "LAX"),
        transits: iata("LAX"),
        destinations: iata("HKG", "CAN", "PVG"),
        maxTransits: 1,
      },
      sea: {
        kind: "hubs",
        origins: loc("MXESE"),
        transits: loc("USLGB"),
        destinations: loc("HKHKG", "CNNSA", "CNSHK"),
        maxTransits: 1,
      },
      road: { kind: "chains", chains: [loc("MXMXL", "USCXL")] },
    },
    species: ["totoaba-macdonaldi", "sphyrna-lewini", "eretmochelys-imbricata"],
    shellCountries: ["HK", "MX", "US"],
  },
  {
    id: "madagascar-indian-ocean",
    label: "Madagascar to Southeast Asia: radiated tortoises, hawksbill shell, seahorses",
    weight: 0.05,
    modes: [[AIR, 0.5], [PASSENGER_LUGGAGE, 0.2], [SEA, 0.3]],
    plans: {
      air: {
        kind: "hubs",
        origins: iata("TNR"),
        transits: iata("NBO", "ADD", "DXB", "KUL"),
        destinations: iata("BKK", "KUL", "HKG", "HAN", "SGN"),
        maxTransits: 2,
      },
      sea: {
        kind: "hubs",
        origins: loc("MGTMM"),
        transits: loc("MYPKG", "SGSIN"),
        destinations: loc("VNHPH", "HKHKG", "THLCH"),
        maxTransits: 1,
      },
    },
    species: ["astrochelys-radiata", "eretmochelys-imbricata", "hippocampus-kuda", "sphyrna-lewini"],
    shellCountries: ["MG", "TH", "MY"],
  },
  {
    id: "island-southeast-asia",
    label: "Malaysia, Singapore and Thailand to Viet Nam and China: pangolins, reptile skins, seahorses",
    weight: 0.07,
    modes: [[SEA, 0.5], [AIR, 0.3], [POST, 0.2]],
    plans: {
      sea: {
        kind: "hubs",
        origins: loc("MYPKG", "MYTPP", "SGSIN", "THLCH"),
        transits: loc("SGSIN", "MYPKG"),
        destinations: loc("VNHPH", "VNCLI", "HKHKG", "CNNSA", "CNSHK"),
        maxTransits: 1,
      },
      air: {
        kind: "hubs",
        origins: iata("KUL", "SIN", "BKK"),
        transits: [],
        destinations: iata("HAN", "SGN", "HKG", "CAN", "SZX", "PVG"),
        maxTransits: 0,
      },
    },
    species: [
      "manis-javanica", "python-reticulatus", "varanus-salvator", "cuora-amboinensis", "hippocampus-kuda",
      "sphyrna-lewini", "eretmochelys-imbricata",
    ],
    shellCountries: ["SG", "MY", "HK"],
  },
];
