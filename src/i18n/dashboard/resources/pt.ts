import type { ResourcesMessages } from './en.ts';

export const pt: ResourcesMessages = {
  title: 'Recursos',
  labels: { name: 'Nome', key: 'Chave' },
  nameHint: 'Como a sua equipa lhe chama, p. ex. «Sala do estúdio».',
  keyHint: 'Como o ficheiro de configuração lhe chama: letras, algarismos, «_» ou «-», p. ex. studio-room.',
  intro:
    'Salas e máquinas de que os seus serviços precisam. Uma marcação de um serviço que precisa de um recurso ocupa-o durante o seu tempo (margens incluídas): nunca duas marcações o ocupam ao mesmo tempo, seja qual for o membro da equipa.',
  empty: 'Ainda não há recursos.',
  neededBy: 'Necessário para',
  actions: 'Ações',
  noService: 'Nenhum serviço',
  change: 'Alterar',
  changeOne: (name) => `Alterar ${name}`,
  remove: 'Remover',
  removeOne: (name) => `Remover ${name}`,
  addTitle: 'Adicionar um recurso',
  add: 'Adicionar recurso',
  addRefused: 'O recurso não foi adicionado',
  editHeading: (name) => `Alterar «${name}»`,
  editRefused: 'O recurso não foi guardado',
  save: 'Guardar recurso',
  cancel: 'Cancelar',
  done: {
    added: 'O recurso foi adicionado: assinale-o no formulário de cada serviço que precisa dele.',
    saved: 'O recurso foi guardado.',
    removed: 'O recurso foi removido: já nenhum serviço precisa dele.',
  },
};
