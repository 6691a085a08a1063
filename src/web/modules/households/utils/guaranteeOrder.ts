/** The basic guarantees (两不愁三保障 + safe water) in the order the registry shows them. */
export const GUARANTEE_ORDER = ["food_clothing", "education", "medical", "housing", "water"] as const;
