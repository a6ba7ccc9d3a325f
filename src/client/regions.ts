// Genesys Cloud regions (PureCloudRegionHosts, SDK 262): API host = api.<domain>, login host = login.<domain>.
/**
 * Genesys Cloud regions by name, with their domain: the API host is `api.<domain>`, the login host `login.<domain>`.
 */
export const REGIONS = {
  us_east_1: 'mypurecloud.com',
  us_east_2: 'use2.us-gov-pure.cloud',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  eu_west_1: 'mypurecloud.ie',
  eu_west_2: 'euw2.pure.cloud',
  eu_central_1: 'mypurecloud.de',
  eu_central_2: 'euc2.pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  ap_southeast_2: 'mypurecloud.com.au',
  ap_northeast_1: 'mypurecloud.jp',
  ap_northeast_2: 'apne2.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
} as const;

/** A region name, e.g. `eu_west_1` (the client option `region` also accepts the domain). */
export type RegionName = keyof typeof REGIONS;
/** A region domain, e.g. `mypurecloud.ie`. */
export type RegionDomain = (typeof REGIONS)[RegionName];
/** A region by name (`eu_west_1`) or by domain (`mypurecloud.ie`). */
export type Region = RegionName | RegionDomain;

const DOMAINS = new Set<string>(Object.values(REGIONS));

/** Returns the region's domain, or undefined when `region` is neither a known name nor a known domain. */
export function regionDomain(region: string): RegionDomain | undefined {
  if (typeof region !== 'string') return undefined; // not a region (and a key lookup would stringify it)
  if (Object.hasOwn(REGIONS, region)) return REGIONS[region as RegionName];
  return DOMAINS.has(region) ? (region as RegionDomain) : undefined;
}

/** The API and login base URLs of a region, by name (`eu_west_1`) or domain (`mypurecloud.ie`); undefined if unknown. */
export function regionBaseUrls(region: string): { apiBaseUrl: string; loginBaseUrl: string } | undefined {
  const domain = regionDomain(region);
  if (!domain) return undefined;
  return { apiBaseUrl: `https://api.${domain}`, loginBaseUrl: `https://login.${domain}` };
}
