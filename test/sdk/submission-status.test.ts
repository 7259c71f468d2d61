import { expect } from '@open-wc/testing';
import { submissionStatus, type DeliveryOutcome } from '../../sdk/submission-status.js';

const outcomes = (entries: Record<string, DeliveryOutcome>) => new Map(Object.entries(entries));

describe('submissionStatus', () => {
  it('is sent once every destination acknowledged it', () => {
    expect(submissionStatus(['main', 'alerts'], outcomes({ main: { status: 'sent' }, alerts: { status: 'sent' } }))).to.deep.equal({
      status: 'sent',
      destinations: { main: 'sent', alerts: 'sent' },
    });
  });

  it('is queued while a destination has not answered', () => {
    expect(submissionStatus(['main', 'alerts'], outcomes({ main: { status: 'sent' } }))).to.deep.equal({
      status: 'queued',
      destinations: { main: 'sent', alerts: 'queued' },
    });
    expect(submissionStatus(['main'], outcomes({}))).to.deep.equal({ status: 'queued', destinations: { main: 'queued' } });
  });

  it('is failed when any destination gave it up, with the first failure in routing order', () => {
    const result = submissionStatus(
      ['main', 'alerts', 'audit'],
      outcomes({ audit: { status: 'failed', reason: 'rejected', message: 'audit says no' }, main: { status: 'sent' }, alerts: { status: 'failed', reason: 'rejected', message: 'unknown survey' } }),
    );
    expect(result).to.deep.equal({
      status: 'failed',
      destinations: { main: 'sent', alerts: 'failed', audit: 'failed' },
      reason: 'rejected',
      message: 'unknown survey',
    });
  });

  it('ignores what destinations it was not routed to answered', () => {
    expect(submissionStatus(['main'], outcomes({ main: { status: 'sent' }, alerts: { status: 'failed', reason: 'rejected' } }))).to.deep.equal({
      status: 'sent',
      destinations: { main: 'sent' },
    });
  });
});
