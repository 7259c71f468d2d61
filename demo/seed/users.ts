/**
 * The demo logins, printed by `npm start` (`login: <role> <email> <password>`): corporate, a
 * regional manager per region, a store manager per store (each owns that store's cases), and a
 * staff member. The first of each role is the one the README and tests use.
 * Demo only: these passwords are public. A real deployment creates users via the admin API.
 */
export const demoUsers = [
  { role: 'corporate', email: 'ceo@acme.example', password: 'demo-corporate', name: 'Camille Laurent', brandId: 'acme' },
  { role: 'regional', email: 'nordics@acme.example', password: 'demo-regional', name: 'Karin Sjöberg', brandId: 'acme', regionId: 'emea-north' },
  { role: 'regional', email: 'uk-south@acme.example', password: 'demo-regional', name: 'James Whitfield', brandId: 'acme', regionId: 'uk-south' },
  { role: 'store', email: 'store042@acme.example', password: 'demo-store', name: 'Nils Andersson', brandId: 'acme', regionId: 'emea-north', storeId: '042' },
  { role: 'store', email: 'store017@acme.example', password: 'demo-store', name: 'Kari Nordmann', brandId: 'acme', regionId: 'emea-north', storeId: '017' },
  { role: 'store', email: 'store023@acme.example', password: 'demo-store', name: 'Mette Sørensen', brandId: 'acme', regionId: 'emea-north', storeId: '023' },
  { role: 'store', email: 'store101@acme.example', password: 'demo-store', name: 'Olivia Bennett', brandId: 'acme', regionId: 'uk-south', storeId: '101' },
  { role: 'store', email: 'store108@acme.example', password: 'demo-store', name: 'Harry Collins', brandId: 'acme', regionId: 'uk-south', storeId: '108' },
  { role: 'store', email: 'store115@acme.example', password: 'demo-store', name: 'Fatima Rahman', brandId: 'acme', regionId: 'uk-south', storeId: '115' },
  { role: 'staff', email: 'astrid@acme.example', password: 'demo-staff', name: 'Astrid Lindqvist', brandId: 'acme', regionId: 'emea-north', storeId: '042', staffId: 'emp-17' },
] as const;
