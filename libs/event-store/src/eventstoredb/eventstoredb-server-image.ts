/**
 * The EventStoreDB image the tests and docker-compose.yml run: the registry and name EventStoreDB 24.10's
 * own documentation gives (installation, Docker: `docker.eventstore.com/eventstore/eventstoredb-ee`), at a
 * 24.10 patch release the Kurrent operator documentation names. The free edition runs without a licence key.
 */
export const serverImage = 'docker.eventstore.com/eventstore/eventstoredb-ee:24.10.4';
