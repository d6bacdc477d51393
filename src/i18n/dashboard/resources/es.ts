import type { ResourcesMessages } from './en.ts';

export const es: ResourcesMessages = {
  title: 'Recursos',
  labels: { name: 'Nombre', key: 'Clave' },
  nameHint: 'Como lo llama su equipo, p. ej. «Sala del estudio».',
  keyHint: 'Cómo lo nombra el archivo de configuración: letras, cifras, «_» o «-», p. ej. studio-room.',
  intro:
    'Salas y máquinas que necesitan sus servicios. Una reserva de un servicio que necesita uno lo ocupa durante su tiempo (márgenes incluidos): nunca lo ocupan dos reservas a la vez, sea cual sea el miembro del equipo.',
  empty: 'Todavía no hay recursos.',
  neededBy: 'Lo necesitan',
  actions: 'Acciones',
  noService: 'Ningún servicio',
  change: 'Cambiar',
  changeOne: (name) => `Cambiar ${name}`,
  remove: 'Quitar',
  removeOne: (name) => `Quitar ${name}`,
  addTitle: 'Añadir un recurso',
  add: 'Añadir recurso',
  addRefused: 'No se ha añadido el recurso',
  editHeading: (name) => `Cambiar «${name}»`,
  editRefused: 'No se ha guardado el recurso',
  save: 'Guardar recurso',
  cancel: 'Cancelar',
  done: {
    added: 'Se ha añadido el recurso: márquelo en el formulario de cada servicio que lo necesite.',
    saved: 'Se ha guardado el recurso.',
    removed: 'Se ha quitado el recurso: ya no lo necesita ningún servicio.',
  },
};
