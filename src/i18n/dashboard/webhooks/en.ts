/** English wording of the dashboard's webhooks screens (src/http/admin/webhooks): the reference shape. */
export const en = {};

/** The shape every locale's webhooks catalogue has: the English one's. */
export type WebhooksMessages = typeof en;
