// Places and fair queues (issue 10): the facilities' places today, a
// queue's board (who waits, offers, admissions, stays), an entry's position
// history, and the shelter's arrivals.

export { placeKeys } from './keys';
export { PlacesOverview } from './components/places-overview';
export { PersonQueueCard } from './components/person-queue-card';
export { PositionHistoryDialog } from './components/position-history-dialog';
export { QueueBoardPage, UnknownPlaceKind } from './components/queue-board';
export { ShelterPage } from './components/shelter-page';
