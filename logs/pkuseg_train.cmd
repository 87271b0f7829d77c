python -m nlp train segmenter --install   # 2026-12-07, 25 min 42 s on the 2-core Intel Xeon machine, another job on the second core; log: logs/pkuseg_train_2026-12-07.log
