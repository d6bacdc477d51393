import type { ResourcesMessages } from './en.ts';

export const fr: ResourcesMessages = {
  title: 'Ressources',
  labels: { name: 'Nom', key: 'Clé' },
  nameHint: 'Comme votre équipe l’appelle, par ex. « Salle du studio ».',
  keyHint:
    'Le nom qu’elle porte dans le fichier de configuration : lettres, chiffres, « _ » ou « - », par ex. studio-room.',
  intro:
    'Les salles et machines dont vos prestations ont besoin. Une réservation d’une prestation qui en a besoin la bloque pendant sa durée (battements compris) : deux réservations ne la bloquent jamais en même temps, quel que soit le membre de l’équipe.',
  empty: 'Aucune ressource pour l’instant.',
  neededBy: 'Utilisée par',
  actions: 'Actions',
  noService: 'Aucune prestation',
  change: 'Modifier',
  changeOne: (name) => `Modifier ${name}`,
  remove: 'Supprimer',
  removeOne: (name) => `Supprimer ${name}`,
  addTitle: 'Ajouter une ressource',
  add: 'Ajouter la ressource',
  addRefused: 'La ressource n’a pas été ajoutée',
  editHeading: (name) => `Modifier « ${name} »`,
  editRefused: 'La ressource n’a pas été enregistrée',
  save: 'Enregistrer la ressource',
  cancel: 'Annuler',
  done: {
    added: 'La ressource est ajoutée : cochez-la dans le formulaire de chaque prestation qui en a besoin.',
    saved: 'La ressource est enregistrée.',
    removed: 'La ressource est supprimée : plus aucune prestation n’en a besoin.',
  },
};
