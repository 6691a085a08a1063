/** The household's region from the province down to its own village (group): 安徽省 / 宣城市 / 泾县 / 泾川镇 / 城南村. */
export function regionPathOf(household: { regionPath: string; regionName: string }): string {
  return household.regionPath ? `${household.regionPath} / ${household.regionName}` : household.regionName;
}
