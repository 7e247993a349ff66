#!/usr/bin/env python3
"""Writes a roster CSV of N students (the import template's columns) for benchmarks."""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
out = sys.argv[2] if len(sys.argv) > 2 else "roster.csv"
rnd = random.Random(2026)
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
given = "子涵浩宇欣怡梓轩雨萱一诺嘉思彤俊杰佳琪晨曦博文睿泽若汐明紫可馨天佑诗雅宏伟安然乐瑶"
flags = ["", "", "", "", "随迁子女", "留守儿童", "困难家庭"]
per_homeroom = 45
with open(out, "w", encoding="utf-8") as f:
    f.write("学号,姓名,性别,年级,班级,监护人姓名,监护人电话,关系,标记\n")
    for i in range(n):
        grade = 1 + (i // per_homeroom) % 9
        homeroom = 1 + (i // (per_homeroom * 9)) % 99
        name = rnd.choice(surnames) + "".join(rnd.choice(given) for _ in range(rnd.randint(1, 2)))
        gname = rnd.choice(surnames) + rnd.choice(given)
        f.write(f"B{i:07d},{name},{rnd.choice('男女')},{grade},{homeroom},{gname},139{i:08d},{rnd.choice(['父亲','母亲'])},{rnd.choice(flags)}\n")
print(out)
