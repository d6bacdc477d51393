/** English wording of the dashboard's resources screens (src/http/admin/resources): the reference shape. */
export const en = {
  title: 'Resources',
  labels: { name: 'Name', key: 'Key' },
  nameHint: 'As your team calls it, e.g. “Studio room”.',
  keyHint: 'How the set-up file names it: letters, digits, “_” or “-”, e.g. studio-room.',
  intro:
    'Rooms and machines your services need. A booking of a service that needs one holds it for its time (buffers included): no two bookings hold it at once, whoever the staff member.',
  empty: 'No resources yet.',
  neededBy: 'Needed by',
  actions: 'Actions',
  noService: 'No service',
  change: 'Change',
  changeOne: (name: string) => `Change ${name}`,
  remove: 'Remove',
  removeOne: (name: string) => `Remove ${name}`,
  addTitle: 'Add a resource',
  add: 'Add resource',
  addRefused: 'The resource was not added',
  /** The edit page's heading: Change “Studio room”. */
  editHeading: (name: string) => `Change “${name}”`,
  editRefused: 'The resource was not saved',
  save: 'Save resource',
  cancel: 'Cancel',
  done: {
    added: 'The resource is added: tick it in the form of each service that needs it.',
    saved: 'The resource is saved.',
    removed: 'The resource is removed: no service needs it any more.',
  },
};

/** The shape every locale's resources catalogue has: the English one's. */
export type ResourcesMessages = typeof en;
