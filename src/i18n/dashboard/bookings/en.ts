/** English wording of the dashboard's bookings screens (src/http/admin/bookings): the reference shape. */
export const en = {};

/** The shape every locale's bookings catalogue has: the English one's. */
export type BookingsMessages = typeof en;
