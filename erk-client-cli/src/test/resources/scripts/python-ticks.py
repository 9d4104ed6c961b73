#!/usr/bin/env python3
import sys, time
for i in range(3):
    print("tick", i)
    time.sleep(0.4)
