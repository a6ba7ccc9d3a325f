// The emulated WFM API's settings, in a module of their own: the org state holds them, and the WFM model
// (which reads the org state) must not be imported by it.

/** Settings of the emulated WFM API (on `state.workforce`; adjustable at runtime). */
export interface WorkforceSettings {
  /** Management units the active agents are split into (default 2). */
  managementUnits: number;
  /**
   * The official SDK marks paging of `GET /api/v2/workforcemanagement/managementunits` as deprecated and not
   * supported: by default one page holds every unit. `true` honours `pageSize`/`pageNumber` like older orgs did.
   */
  pagedManagementUnits: boolean;
  /**
   * Answer forecast data and agent schedule queries with a `downloadUrl` (the platform's download service, used
   * for large results) instead of the inline `result`. Default false; `forceDownloadService=true` forces it per call.
   */
  downloadResults: boolean;
}

export function defaultWorkforceSettings(): WorkforceSettings {
  return { managementUnits: 2, pagedManagementUnits: false, downloadResults: false };
}
