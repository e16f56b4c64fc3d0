import type { cluster as en } from '../en/cluster.js';

/** Mensajes del módulo de clúster y del comando `cluster`: las mismas claves que en/cluster.ts. */
export const cluster: Record<keyof typeof en, string> = {
  'cluster.cancelled': 'Interrumpido. Lo que ya estaba hecho se conserva.',
  'cluster.initdbFailed': 'initdb falló para {node}:\n{detail}',
  'cluster.startFailed': '{node} (puerto {port}) no arrancó:\n{detail}',
  'cluster.stopFailed': '{node} (puerto {port}) no se detuvo:\n{detail}',
  'cluster.notReady': '{node} (puerto {port}) está en marcha pero no responde: {detail}',
  'cluster.extensionFailed': 'CREATE EXTENSION citus falló en {node} (puerto {port}): {detail}',
  'cluster.membershipFailed': 'No se pudo registrar {node} en los metadatos del clúster: {detail}',
  'cluster.notALab':
    '{dir} no es una carpeta de laboratorio de citus-lab-tutor (no tiene la marca .citus-lab-tutor): no se detuvo ni se borró nada.',
  'cluster.noCluster': 'Todavía no hay un clúster en {dir}.',
  'cluster.unknownSubcommand':
    'Comando de clúster desconocido «{command}»: usa up, status, start, stop o destroy.',
  'cluster.badWorkers': '--workers «{value}» no es válido: usa 2 o 3.',
  'cluster.destroyNeedsYes': 'Destruir el clúster de {dir} borra sus datos; confírmalo con --yes.',

  'cluster.hint.upAgain': 'Ejecútalo de nuevo para terminar: citus-lab-tutor cluster up',
  'cluster.hint.log': 'El registro del servidor da más detalles: {log}',
  'cluster.hint.initdb':
    'Comprueba que la carpeta del laboratorio está en un disco local con espacio libre y luego: citus-lab-tutor cluster up',
  'cluster.hint.notALab':
    'Indica con --lab-dir la carpeta de laboratorio que creó citus-lab-tutor.',
  'cluster.hint.up': 'Créalo con: citus-lab-tutor cluster up',

  'cluster.up.done':
    '✔ Clúster listo en {seconds} s: coordinador {host}:{coordinator}, workers {workers}.',
  'cluster.up.healthy': '✔ El clúster ya está en marcha: no hay nada que hacer ({seconds} s).',
  'cluster.up.worker3Waiting':
    '  worker3 ({host}:{port}) funciona fuera del clúster hasta la lección de rebalanceo (o: cluster up --workers 3).',
  'cluster.start.done': '✔ Arrancados: {nodes}.',
  'cluster.start.nothing': '✔ Todos los nodos ya estaban en marcha.',
  'cluster.stop.done': '✔ Detenidos: {nodes}.',
  'cluster.stop.nothing': '✔ Ningún nodo estaba en marcha.',
  'cluster.destroy.ask':
    '¿Detener todos los nodos y borrar el clúster de {dir} (data, log, run)? [s/N] ',
  'cluster.destroy.done': '✔ Clúster eliminado de {dir} (tu progreso se conserva).',

  'cluster.status.header': 'Clúster en {dir}',
  'cluster.status.running': 'en marcha',
  'cluster.status.stopped': 'detenido',
  'cluster.status.notCreated': 'sin crear',
  'cluster.status.member': 'en el clúster',
  'cluster.status.notMember': 'fuera del clúster',
  'cluster.status.memberUnknown': 'pertenencia desconocida',
  'cluster.status.shards': '{count} shard(s)',
  'cluster.status.healthy': '✔ Sano.',
  'cluster.status.unhealthy': '✘ No está sano. Repáralo con: citus-lab-tutor cluster up',

  'cluster.help': `Clúster:
  citus-lab-tutor cluster up [--workers 2|3]   crea lo que falta y arranca lo detenido; no hace nada si el clúster está sano
  citus-lab-tutor cluster status [--json]      cada nodo: puerto, carpeta de datos, en marcha, versiones, en el clúster, shards
  citus-lab-tutor cluster start | stop         arranca o detiene todos los nodos
  citus-lab-tutor cluster destroy [--yes]      detiene los nodos y borra las carpetas data, log y run del laboratorio`,
};
