/**
 * The demo retailer: one brand, two regions, six stores, thirty staff. Written in the collector's
 * hierarchy file format (docs/collector.md), so it doubles as an example of that file.
 */
const week = (open: string, close: string, sunday: [string, string] | null) => ({
  mon: [[open, close]],
  tue: [[open, close]],
  wed: [[open, close]],
  thu: [[open, close]],
  fri: [[open, close]],
  sat: [[open, close]],
  sun: sunday ? [sunday] : [],
});

const staff = (...people: Array<[string, string]>) => people.map(([id, name]) => ({ id, name }));

/**
 * Each store's exit kiosk, as the seeded submissions name it (`kiosk-<store>-exit`). Listed
 * devices get an ingest rate limit of their own; ids missing here share one per write key.
 */
const exitKiosk = (store: string) => ({ id: `kiosk-${store}-exit`, name: 'Exit kiosk' });

export const demoHierarchy = {
  brands: [
    {
      id: 'acme',
      name: 'Acme Outfitters',
      writeKeys: ['pk_demo'],
      regions: [
        {
          id: 'emea-north',
          name: 'Nordics',
          stores: [
            {
              id: '042',
              name: 'Stockholm Drottninggatan',
              timeZone: 'Europe/Stockholm',
              openingHours: week('10:00', '20:00', ['11:00', '18:00']),
              staff: staff(['emp-17', 'Astrid Lindqvist'], ['emp-21', 'Omar Haddad'], ['emp-22', 'Elin Berg'], ['emp-23', 'Jonas Ek'], ['emp-24', 'Sara Nilsson']),
              // exit-1: the demo kiosk page's device (`/kiosk/?store=042&device=exit-1`).
              devices: [exitKiosk('042'), { id: 'exit-1', name: 'Demo kiosk page' }],
            },
            {
              id: '017',
              name: 'Oslo Karl Johans gate',
              timeZone: 'Europe/Oslo',
              openingHours: week('10:00', '20:00', null),
              staff: staff(['emp-31', 'Ingrid Solberg'], ['emp-32', 'Mats Hansen'], ['emp-33', 'Nora Bakke'], ['emp-34', 'Henrik Dahl'], ['emp-35', 'Leila Amini']),
              devices: [exitKiosk('017')],
            },
            {
              id: '023',
              name: 'Copenhagen Strøget',
              timeZone: 'Europe/Copenhagen',
              openingHours: week('10:00', '19:00', ['12:00', '17:00']),
              staff: staff(['emp-41', 'Freja Madsen'], ['emp-42', 'Lars Kjær'], ['emp-43', 'Mia Holm'], ['emp-44', 'Emil Lund'], ['emp-45', 'Yusuf Demir']),
              devices: [exitKiosk('023')],
            },
          ],
        },
        {
          id: 'uk-south',
          name: 'UK South',
          stores: [
            {
              id: '101',
              name: 'London Oxford Street',
              timeZone: 'Europe/London',
              openingHours: week('09:00', '21:00', ['12:00', '18:00']),
              staff: staff(['emp-51', 'Priya Shah'], ['emp-52', 'Tom Wright'], ['emp-53', 'Grace Okafor'], ['emp-54', 'Daniel Evans'], ['emp-55', 'Chloe Martin']),
              devices: [exitKiosk('101')],
            },
            {
              id: '108',
              name: 'Brighton Churchill Square',
              timeZone: 'Europe/London',
              openingHours: week('09:00', '18:00', ['11:00', '17:00']),
              staff: staff(['emp-61', 'Oliver Hughes'], ['emp-62', 'Amelia Clarke'], ['emp-63', 'Kwame Mensah'], ['emp-64', 'Sophie Turner'], ['emp-65', 'Ravi Patel']),
              devices: [exitKiosk('108')],
            },
            {
              id: '115',
              name: 'Southampton WestQuay',
              timeZone: 'Europe/London',
              openingHours: week('09:00', '20:00', ['10:00', '16:00']),
              staff: staff(['emp-71', 'Hannah Price'], ['emp-72', 'George Ward'], ['emp-73', 'Aisha Begum'], ['emp-74', 'Jack Robinson'], ['emp-75', 'Ella Scott']),
              devices: [exitKiosk('115')],
            },
          ],
        },
      ],
    },
  ],
};

export type DemoStore = (typeof demoHierarchy.brands)[number]['regions'][number]['stores'][number] & { regionId: string };

/** Every store with its region id, in file order. */
export const demoStores: DemoStore[] = demoHierarchy.brands[0]!.regions.flatMap((region) => region.stores.map((store) => ({ ...store, regionId: region.id })));
