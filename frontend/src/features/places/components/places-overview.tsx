import { Anchor, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ListColumn, ListPage } from '@/components/list-page';
import { type FacilityView, type PlaceView, useFacilities } from '../api/list-facilities';

interface Row {
  facility: FacilityView;
  place: PlaceView;
}

/** Where a kind of place is worked with: the shelter's arrivals, or the queue's board. */
export function placePath(facilityId: string, place: Pick<PlaceView, 'kind'>): string {
  return place.kind === 'shelter' ? `/places/shelter?facility=${facilityId}` : `/places/${facilityId}/${place.kind}`;
}

/** `/places`: every facility's kinds of place with capacity, occupied, offered, free and waiting today. */
export function PlacesOverview() {
  const { t } = useTranslation();
  const facilities = useFacilities();
  const rows = facilities.data?.flatMap((facility) => facility.places.map((place) => ({ facility, place })));
  const number = (n: number) => <Text size="sm">{n}</Text>;
  const columns: ListColumn<Row>[] = [
    {
      key: 'facility',
      header: t('places.facility'),
      cell: ({ facility }) => (
        <>
          <Text size="sm" fw={500}>
            {facility.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`places.facility_kind.${facility.kind}`)}
          </Text>
        </>
      ),
    },
    {
      key: 'kind',
      header: t('places.place_kind'),
      cell: ({ facility, place }) => (
        <Anchor component={Link} to={placePath(facility.id, place)} fw={500}>
          {t(`places.kind.${place.kind}`)}
        </Anchor>
      ),
    },
    { key: 'capacity', header: t('places.capacity'), align: 'right', cell: ({ place }) => number(place.capacity) },
    { key: 'occupied', header: t('places.occupied'), align: 'right', cell: ({ place }) => number(place.occupied) },
    { key: 'offered', header: t('places.offered'), align: 'right', cell: ({ place }) => number(place.offered) },
    {
      key: 'free',
      header: t('places.free'),
      align: 'right',
      cell: ({ place }) => (
        <Badge variant="light" color={place.free > 0 ? 'green' : 'gray'}>
          {place.free}
        </Badge>
      ),
    },
    { key: 'waiting', header: t('places.waiting'), align: 'right', cell: ({ place }) => number(place.waiting) },
  ];
  return (
    <ListPage
      title={t('places.title')}
      subtitle={t('places.subtitle')}
      query={facilities}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.place.id}
      rowProps={(r) => ({ 'data-testid': `place-${r.facility.code}-${r.place.kind}` })}
      empty={t('places.no_facilities')}
      minWidth={800}
    />
  );
}
