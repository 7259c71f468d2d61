/**
 * One demo login per role, printed by `npm start` (`login: <role> <email> <password>`).
 * Demo only: these passwords are public. A real deployment creates users via the admin API.
 */
export const demoUsers = [
  { role: 'corporate', email: 'ceo@acme.example', password: 'demo-corporate', name: 'Camille Laurent', brandId: 'acme' },
  { role: 'regional', email: 'nordics@acme.example', password: 'demo-regional', name: 'Karin Sjöberg', brandId: 'acme', regionId: 'emea-north' },
  { role: 'store', email: 'store042@acme.example', password: 'demo-store', name: 'Nils Andersson', brandId: 'acme', regionId: 'emea-north', storeId: '042' },
  { role: 'staff', email: 'astrid@acme.example', password: 'demo-staff', name: 'Astrid Lindqvist', brandId: 'acme', regionId: 'emea-north', storeId: '042', staffId: 'emp-17' },
] as const;
