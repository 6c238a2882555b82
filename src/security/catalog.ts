/**
 * Data the analysis needs about AWS services: well-known port names, administrative ports,
 * which component types hold data, and which ports a component listens on.
 */
import type { Component, ComponentType } from '../model/types.js';

/** Port → service name shown in rule tables, as the seed writes them (`443 (HTTPS)`). */
export const WELL_KNOWN_PORTS: Readonly<Record<number, string>> = {
  20: 'FTP data', 21: 'FTP', 22: 'SSH', 23: 'Telnet', 25: 'SMTP', 53: 'DNS', 80: 'HTTP', 110: 'POP3', 143: 'IMAP',
  389: 'LDAP', 443: 'HTTPS', 445: 'SMB', 1433: 'SQL Server', 1521: 'Oracle', 2049: 'NFS', 2379: 'etcd', 3306: 'MySQL',
  3389: 'RDP', 5432: 'PostgreSQL', 5439: 'Redshift', 5601: 'Kibana', 5672: 'AMQP', 6379: 'Redis', 6443: 'Kubernetes API',
  8443: 'HTTPS (alt)', 9092: 'Kafka', 9200: 'Elasticsearch', 11211: 'Memcached', 27017: 'MongoDB',
};

/** Remote administration ports: never open them to addresses outside the VPC. */
export const ADMIN_PORTS: Readonly<Record<number, string>> = { 22: 'SSH', 3389: 'RDP' };

/** Ports the whole Internet may use on a public endpoint. */
export const PUBLIC_WEB_PORTS: readonly number[] = [80, 443];

/** Component types that hold the system's data. */
export const DATA_STORE_TYPES: readonly ComponentType[] = ['database', 'cache', 'nosql-table'];

export const isDataStore = (component: Component): boolean => DATA_STORE_TYPES.includes(component.type);

const CACHE_PORTS: Readonly<Record<string, number>> = { redis: 6379, valkey: 6379, memcached: 11211 };

/**
 * TCP ports the component listens on, from its own settings. Empty when the model does not
 * say (the analysis then falls back to the security group's rules).
 */
export function listeningPorts(component: Component): number[] {
  switch (component.type) {
    case 'load-balancer':
      return uniqueSorted(component.listeners.map((l) => l.port));
    case 'container-service':
      return [component.container.port];
    case 'database':
      return [component.port];
    case 'cache':
      return [CACHE_PORTS[component.engine] ?? 6379];
    case 'kubernetes-cluster':
      return uniqueSorted([443, ...component.workloads.map((w) => w.port)]);
    case 'api-gateway':
      return [443];
    default:
      return [];
  }
}

const uniqueSorted = (values: number[]): number[] => [...new Set(values)].sort((a, b) => a - b);
