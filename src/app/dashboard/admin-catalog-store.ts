/** The store's side of the dashboard: admin-catalog (filled in by the dashboard work). */

// biome-ignore lint/suspicious/noEmptyInterface: filled in by the dashboard work
export interface AdminCatalogStore {}
